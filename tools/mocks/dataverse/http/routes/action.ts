import { unboundActions } from '../../actions/index.js';
import { dataverseErrors } from '../../store/dataverse-error.js';
import { jsonResponse, type DataverseRequest, type DataverseResponse, type RouteContext } from '../exchange.js';
import { parseJsonBody } from '../parse-body.js';

/**
 * `POST <name>` where `<name>` is no entity set: an unbound action. The ones the emulator knows
 * answer 200 with their response properties; any other name is the Web API's
 * "Resource not found for the segment '<name>'." (404, 0x8006088a).
 */
export function postUnboundAction(request: DataverseRequest, context: RouteContext, name: string): DataverseResponse {
  const action = unboundActions.get(name);
  if (!action) throw dataverseErrors.resourceNotFound(name);
  const parameters = request.body.trim() === '' ? {} : parseJsonBody(request.body, name);
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) throw dataverseErrors.badArgument(`The parameters of '${name}' must be a JSON object.`);
  const result = action.run(parameters as Record<string, unknown>, context);
  return jsonResponse(200, { '@odata.context': `${context.serviceRoot}$metadata#Microsoft.Dynamics.CRM.${name}Response`, ...result });
}

/**
 * `POST <set>(<id>)/Microsoft.Dynamics.CRM.<name>`: a bound action. The emulator implements none
 * yet, so after checking the table exists it answers as the Web API does for an action it lacks.
 */
export function postBoundAction(_request: DataverseRequest, context: RouteContext, entitySet: string, name: string): DataverseResponse {
  context.store.table(entitySet);
  throw dataverseErrors.resourceNotFound(`Microsoft.Dynamics.CRM.${name}`);
}
