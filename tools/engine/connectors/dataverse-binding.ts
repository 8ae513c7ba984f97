import { ActionFailure } from '../errors.js';
import { assembleBody, joinUrl, queryText, withQuery } from './parameter-body.js';
import type { BuiltRequest } from './swagger-request.js';

/** The Dataverse connector's API name. */
export const DATAVERSE_API = 'shared_commondataserviceforapps';

/** The Web API root under a base URL (`http://host` -> `http://host/api/data/v9.2`). */
export function webApiRoot(baseUrl: string): string {
  return /\/api\/data\/v\d/.test(baseUrl) ? baseUrl.replace(/\/+$/, '') : joinUrl(baseUrl, '/api/data/v9.2');
}

/** `{guid}` and `GUID` both become the unquoted lowercase key the Web API addresses rows by. */
function recordKey(value: unknown, operationId: string): string {
  if (value === undefined || value === null || value === '') throw new ActionFailure('BadRequest', `The Dataverse operation '${operationId}' needs 'recordId'.`);
  const text = queryText(value).trim().replace(/^\{|\}$/g, '');
  return /^[0-9a-f-]{36}$/i.test(text) ? text.toLowerCase() : text;
}

function entitySet(parameters: Record<string, unknown>, operationId: string): string {
  const name = parameters.entityName;
  if (typeof name !== 'string' || name === '') throw new ActionFailure('BadRequest', `The Dataverse operation '${operationId}' needs 'entityName' (the table's entity set name, e.g. 'accounts').`);
  return encodeURIComponent(name);
}

/** A path segment the operation needs (`associationEntityRelationship`, `actionName`). */
function segment(parameters: Record<string, unknown>, name: string, operationId: string, what: string): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ActionFailure('BadRequest', `The Dataverse operation '${operationId}' needs '${name}' (${what}).`);
  return encodeURIComponent(value.trim());
}

/** Bound actions are addressed by their namespace-qualified name (`Microsoft.Dynamics.CRM.<name>`). */
function boundActionName(parameters: Record<string, unknown>, operationId: string): string {
  const name = segment(parameters, 'actionName', operationId, 'the action to perform');
  return name.includes('.') ? name : `Microsoft.Dynamics.CRM.${name}`;
}

const QUERY_OPTIONS = ['$select', '$filter', '$orderby', '$expand', '$top', 'fetchXml', '$skiptoken', '$apply'];

/**
 * Maps the Dataverse connector's operations to Web API requests, as the connector does:
 * ListRecords `GET <set>?$filter...`, GetItem `GET <set>(<id>)`, CreateRecord `POST <set>`,
 * UpdateRecord `PATCH <set>(<id>)` (upsert), UpdateOnlyRecord the same with `If-Match: *`,
 * DeleteRecord `DELETE <set>(<id>)`; "Relate rows" AssociateEntities `POST <set>(<id>)/<relationship>/$ref`
 * with `{"@odata.id"}`, "Unrelate rows" DisassociateEntities `DELETE …/$ref?$id=<url>`, "Perform a
 * bound action" `POST <set>(<id>)/Microsoft.Dynamics.CRM.<action>`, "Perform an unbound action"
 * `POST <action>` (parameters from `item/<name>`). Rows are written from `item/<column>` parameters (lookups as
 * `item/<nav>@odata.bind`), and come back with `return=representation` and annotations.
 */
export function dataverseRequest(operationId: string, parameters: Record<string, unknown>, baseUrl: string): BuiltRequest {
  const root = webApiRoot(baseUrl);
  // Full metadata: rows carry @odata.id / @odata.editLink, which the connector's outputs hold and flows pass to "Relate rows".
  const headers: Record<string, string> = { Accept: 'application/json;odata.metadata=full', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', Prefer: 'return=representation,odata.include-annotations="*"' };
  const set = () => entitySet(parameters, operationId);
  const row = () => `${set()}(${recordKey(parameters.recordId, operationId)})`;
  const query = (names: readonly string[]) => names.filter((n) => parameters[n] !== undefined && parameters[n] !== null && parameters[n] !== '').map((n) => [n, queryText(parameters[n])] as [string, string]);
  const item = () => assembleBody(parameters, 'item') ?? {};
  switch (operationId) {
    case 'ListRecords':
    case 'ListRecordsWithOrganization':
      return { method: 'GET', url: withQuery(joinUrl(root, set()), query(QUERY_OPTIONS)), headers: { ...headers, Prefer: `odata.include-annotations="*",odata.maxpagesize=5000` } };
    case 'GetItem':
      return { method: 'GET', url: withQuery(joinUrl(root, row()), query(['$select', '$expand'])), headers };
    case 'CreateRecord':
      return { method: 'POST', url: joinUrl(root, set()), headers, body: item() };
    case 'UpdateRecord':
      return { method: 'PATCH', url: joinUrl(root, row()), headers, body: item() };
    case 'UpdateOnlyRecord':
      return { method: 'PATCH', url: joinUrl(root, row()), headers: { ...headers, 'If-Match': '*' }, body: item() };
    case 'DeleteRecord':
      return { method: 'DELETE', url: joinUrl(root, row()), headers };
    // The *WithOrganization forms name another environment in an `organization` header: here the connection's base URL is that environment.
    case 'AssociateEntities':
    case 'AssociateEntitiesWithOrganization':
      return { method: 'POST', url: joinUrl(root, `${row()}/${segment(parameters, 'associationEntityRelationship', operationId, 'the relationship to relate through')}/$ref`), headers, body: item() };
    case 'DisassociateEntities':
    case 'DisassociateEntitiesWithOrganization': {
      const related = parameters.$id;
      if (typeof related !== 'string' || related === '') throw new ActionFailure('BadRequest', `The Dataverse operation '${operationId}' needs '$id' (the URL of the related row).`);
      return { method: 'DELETE', url: withQuery(joinUrl(root, `${row()}/${segment(parameters, 'associationEntityRelationship', operationId, 'the relationship to unrelate')}/$ref`), [['$id', related]]), headers };
    }
    case 'PerformBoundAction':
    case 'PerformBoundActionWithOrganization':
      return { method: 'POST', url: joinUrl(root, `${row()}/${boundActionName(parameters, operationId)}`), headers, body: item() };
    case 'PerformUnboundAction':
    case 'PerformUnboundActionWithOrganization':
      return { method: 'POST', url: joinUrl(root, segment(parameters, 'actionName', operationId, 'the action to perform')), headers, body: item() };
    default:
      throw new ActionFailure('OperationNotFound', `The built-in Dataverse binding has no operation '${operationId}' (it has ListRecords, GetItem, CreateRecord, UpdateRecord, UpdateOnlyRecord, DeleteRecord, AssociateEntities, DisassociateEntities, PerformBoundAction, PerformUnboundAction); give the connector's swagger in the connections map for others.`);
  }
}
