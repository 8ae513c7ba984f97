import type { ActionExecution } from '../run-action.js';
import { httpOutcome, sendWithRetry } from '../retry/send-with-retry.js';
import { authHeaders, maskHeaders } from './auth.js';
import type { ResolvedConnection } from './connections.js';
import { DATAVERSE_API, dataverseRequest } from './dataverse-binding.js';
import { sendHttp, type HttpResult } from './http-client.js';
import { OFFICE365_API, office365Request } from './office365-binding.js';
import { buildSwaggerRequest, findOperation, type BuiltRequest } from './swagger-request.js';
import { ActionFailure } from '../errors.js';

/** How one connector operation becomes a request: through the swagger, or a built-in binding. */
export function operationRequest(connection: ResolvedConnection, operationId: string, parameters: Record<string, unknown>, overrides: Record<string, unknown> = {}): BuiltRequest {
  if (connection.swagger) return buildSwaggerRequest(connection.swagger, findOperation(connection.swagger, operationId), parameters, connection.config.baseUrl, overrides);
  if (connection.apiName === DATAVERSE_API) return dataverseRequest(operationId, parameters, connection.config.baseUrl);
  if (connection.apiName === OFFICE365_API) return office365Request(operationId, parameters, connection.config.baseUrl);
  throw new ActionFailure('ConnectorNotBound', `The connection '${connection.key}' (API ${connection.apiName}) has no swagger; add "swagger" (a file or the connector's dist folder) to its entry in the connections map.`);
}

/**
 * Sends a connector request with the connection's auth under the action's retry policy and returns
 * the outcome (`outputs` = {statusCode, headers, body}). History records the request with its
 * credentials masked.
 */
export async function invokeRequest(execution: ActionExecution, connection: ResolvedConnection, request: BuiltRequest, retryPolicy: unknown): Promise<{ inputs: unknown; outputs: HttpResult }> {
  const services = execution.run.services;
  const send = async () => {
    const auth = await authHeaders(services, execution.run.services.connections.tokens, connection.config.auth);
    return sendHttp(services, { ...request, headers: { ...(connection.config.headers ?? {}), ...request.headers, ...auth } });
  };
  const result = await sendWithRetry(execution, retryPolicy, send);
  const inputs = { method: request.method, uri: request.url, headers: maskHeaders(request.headers), ...(request.body === undefined ? {} : { body: request.body }) };
  return httpOutcome(result, inputs);
}

/**
 * Dataverse ListRecords with pagination on (`runtimeConfiguration.paginationPolicy.minimumItemCount`):
 * follows `@odata.nextLink` until the threshold (rounded up to the 5,000-row page size, at most
 * 100,000) is reached; the merged body then has no nextLink, as the connector returns it.
 */
export async function followPages(execution: ActionExecution, connection: ResolvedConnection, first: { inputs: unknown; outputs: HttpResult }, minimumItemCount: number, retryPolicy: unknown): Promise<{ inputs: unknown; outputs: HttpResult }> {
  const threshold = Math.min(100_000, Math.ceil(minimumItemCount / 5000) * 5000);
  const body = { ...(first.outputs.body as Record<string, unknown>) };
  const rows = [...((body.value as unknown[]) ?? [])];
  let next = body['@odata.nextLink'];
  while (typeof next === 'string' && rows.length < threshold) {
    const page = await invokeRequest(execution, connection, { method: 'GET', url: next, headers: { Accept: 'application/json', Prefer: 'odata.include-annotations="*",odata.maxpagesize=5000' } }, retryPolicy);
    const pageBody = page.outputs.body as Record<string, unknown>;
    rows.push(...((pageBody.value as unknown[]) ?? []));
    next = pageBody['@odata.nextLink'];
  }
  delete body['@odata.nextLink'];
  body.value = rows.slice(0, threshold);
  return { inputs: first.inputs, outputs: { ...first.outputs, body } };
}
