import { ActionFailure } from '../errors.js';
import { invokeRequest } from '../connectors/invoke-operation.js';
import { joinUrl, queryText, withQuery } from '../connectors/parameter-body.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject, textOf } from './values.js';

/**
 * ApiConnection, the form flows used before connection references: `host.connection.name` is
 * `@parameters('$connections')['shared_x']['connectionId']`, and the action carries the raw
 * `method`, `path`, `queries`, `headers` and `body`, sent to the bound connection's base URL.
 */
export const apiConnection: ActionType = {
  type: 'ApiConnection',
  validate(definition, report) {
    const inputs = definition.inputs as { host?: { connection?: { name?: unknown } }; method?: unknown; path?: unknown } | undefined;
    if (!isObject(inputs) || inputs.host?.connection?.name === undefined) report('"inputs.host.connection.name" is required', ['inputs', 'host', 'connection', 'name']);
    if (typeof inputs?.method !== 'string' || typeof inputs?.path !== 'string') report('"inputs.method" and "inputs.path" are required', ['inputs']);
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const connectionId = textOf((inputs.host as { connection?: { name?: unknown } })?.connection?.name);
    if (!connectionId) throw new ActionFailure('ConnectionNotFound', `Action '${execution.name}' names no connection.`);
    const connectionName = connectionId.split('/').pop() as string;
    const connection = execution.run.services.connections.resolve(connectionName, execution.run.workflow.connectionReferences);
    const query: Array<[string, string]> = isObject(inputs.queries) ? Object.entries(inputs.queries).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, queryText(v)]) : [];
    const headers: Record<string, string> = {};
    if (isObject(inputs.headers)) for (const [k, v] of Object.entries(inputs.headers)) headers[k] = textOf(v);
    const request = { method: String(inputs.method).toUpperCase(), url: withQuery(joinUrl(connection.config.baseUrl, String(inputs.path)), query), headers, body: inputs.body };
    const outcome = await invokeRequest(execution, connection, request, inputs.retryPolicy);
    return { inputs: { host: inputs.host, method: request.method, path: inputs.path, queries: inputs.queries, request: outcome.inputs }, outputs: outcome.outputs };
  },
};
