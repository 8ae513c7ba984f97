import { ActionFailure } from '../errors.js';
import type { ResolvedConnection } from '../connectors/connections.js';
import { invokeRequest } from '../connectors/invoke-operation.js';
import { joinUrl, queryText, withQuery } from '../connectors/parameter-body.js';
import type { BuiltRequest } from '../connectors/swagger-request.js';
import type { ActionDefinition } from '../definition/types.js';
import type { ActionType, Report } from './action-type.js';
import type { ActionExecution } from '../run-action.js';
import { inputsObject, isObject, textOf } from './values.js';

/**
 * ApiConnection, the form flows used before connection references: `host.connection.name` is
 * `@parameters('$connections')['shared_x']['connectionId']`, and the action carries the raw
 * `method`, `path`, `queries`, `headers` and `body`, sent to the bound connection's base URL.
 */
export const apiConnection: ActionType = {
  type: 'ApiConnection',
  validate(definition, report) {
    validateLegacyInputs(definition, report, true);
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const connection = legacyConnection(execution, inputs);
    const request = legacyRequest(inputs, connection, 'GET');
    const outcome = await invokeRequest(execution, connection, request, inputs.retryPolicy);
    return { inputs: { host: inputs.host, method: request.method, path: inputs.path, queries: inputs.queries, request: outcome.inputs }, outputs: outcome.outputs };
  },
};

/** Checks `host.connection.name` and `path` (and `method` where the form requires it). */
export function validateLegacyInputs(definition: ActionDefinition, report: Report, methodRequired: boolean): void {
  const inputs = definition.inputs as { host?: { connection?: { name?: unknown } }; method?: unknown; path?: unknown } | undefined;
  if (!isObject(inputs) || inputs.host?.connection?.name === undefined) report('"inputs.host.connection.name" is required', ['inputs', 'host', 'connection', 'name']);
  if (methodRequired && (typeof inputs?.method !== 'string' || typeof inputs?.path !== 'string')) report('"inputs.method" and "inputs.path" are required', ['inputs']);
  if (!methodRequired && typeof inputs?.path !== 'string') report('"inputs.path" is required', ['inputs', 'path']);
}

/** The bound connection named by `host.connection.name` (a `$connections` connectionId: its last segment). */
export function legacyConnection(execution: ActionExecution, inputs: Record<string, unknown>): ResolvedConnection {
  const connectionId = textOf((inputs.host as { connection?: { name?: unknown } })?.connection?.name);
  if (!connectionId) throw new ActionFailure('ConnectionNotFound', `Action '${execution.name}' names no connection.`);
  const connectionName = connectionId.split('/').pop() as string;
  return execution.run.services.connections.resolve(connectionName, execution.run.workflow.connectionReferences);
}

/** The raw request of a legacy action: `method` (or the form's default), `path` under the connection's base URL, `queries`, `headers`, `body`. */
export function legacyRequest(inputs: Record<string, unknown>, connection: ResolvedConnection, defaultMethod: string): BuiltRequest {
  const query: Array<[string, string]> = isObject(inputs.queries) ? Object.entries(inputs.queries).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, queryText(v)]) : [];
  const headers: Record<string, string> = {};
  if (isObject(inputs.headers)) for (const [k, v] of Object.entries(inputs.headers)) headers[k] = textOf(v);
  const method = typeof inputs.method === 'string' && inputs.method !== '' ? inputs.method : defaultMethod;
  return { method: method.toUpperCase(), url: withQuery(joinUrl(connection.config.baseUrl, String(inputs.path)), query), headers, body: inputs.body };
}
