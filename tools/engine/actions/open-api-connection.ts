import { ActionFailure } from '../errors.js';
import { DATAVERSE_API } from '../connectors/dataverse-binding.js';
import { followPages, invokeRequest, operationRequest } from '../connectors/invoke-operation.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject } from './values.js';

/**
 * OpenApiConnection: `host.connectionName` -> the flow's connection reference -> the bound
 * connection (swagger or built-in binding) -> `operationId` -> an HTTP request built from
 * `parameters`. Outputs {statusCode, headers, body}; non-2xx fails the action. `authentication`
 * (`@parameters('$authentication')`, or the Raw `X-MS-APIM-Tokens` `$ConnectionKey` form of child
 * flows, see connectors/connection-tokens.ts) is evaluated as the service does and then stands for
 * the bound connection: the request carries that connection's auth.
 */
export const openApiConnection: ActionType = {
  type: 'OpenApiConnection',
  validate(definition, report) {
    const host = (definition.inputs as { host?: Record<string, unknown> } | undefined)?.host;
    if (!isObject(host) || typeof host.connectionName !== 'string' || typeof host.operationId !== 'string') {
      report('"inputs.host" needs "connectionName" and "operationId"', ['inputs', 'host']);
    }
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const host = inputs.host as { connectionName: string; operationId: string; apiId?: string };
    const parameters = isObject(inputs.parameters) ? inputs.parameters : {};
    const connection = execution.run.services.connections.resolve(host.connectionName, execution.run.workflow.connectionReferences, host.apiId);
    const request = operationRequest(connection, host.operationId, parameters);
    let outcome = await invokeRequest(execution, connection, request, inputs.retryPolicy);
    const pagination = execution.action.definition.runtimeConfiguration?.paginationPolicy?.minimumItemCount;
    if (pagination !== undefined && connection.apiName === DATAVERSE_API && host.operationId.startsWith('ListRecords')) {
      if (!Number.isInteger(pagination) || pagination < 1) throw new ActionFailure('InvalidTemplate', `The pagination threshold of action '${execution.name}' must be a positive integer.`);
      outcome = await followPages(execution, connection, outcome, pagination, inputs.retryPolicy);
    }
    return { inputs: { host, parameters, request: outcome.inputs }, outputs: outcome.outputs };
  },
};
