import { ActionFailure } from '../errors.js';
import type { ActionExecution } from '../run-action.js';
import { NoResponseError, statusCodeName, type HttpResult } from '../connectors/http-client.js';
import { isRetriableStatus, resolveRetryPolicy, retryAfterMs, retryDelay } from './retry-policy.js';

/**
 * Sends a request under the action's retry policy: 408/429/5xx and requests without a response
 * are retried; the wait is the server's Retry-After when it sends one, else the policy's interval.
 * Waits run on the run's clock (instant on a fake clock) and are recorded in the action's history.
 */
export async function sendWithRetry(execution: ActionExecution, retryPolicy: unknown, send: () => Promise<HttpResult>): Promise<HttpResult> {
  const policy = resolveRetryPolicy(retryPolicy, execution.name);
  for (let attempt = 0; ; attempt++) {
    const start = execution.now();
    let result: HttpResult | undefined;
    let noResponse: NoResponseError | undefined;
    try {
      result = await send();
    } catch (error) {
      if (!(error instanceof NoResponseError)) throw error;
      noResponse = error;
    }
    const statusCode = result?.statusCode;
    if (!isRetriableStatus(statusCode) || policy.type === 'none' || attempt >= policy.count) {
      if (noResponse) throw new ActionFailure('BadGateway', noResponse.message);
      return result as HttpResult;
    }
    const wait = (result && retryAfterMs(result.headers, execution.now())) ?? retryDelay(policy, attempt + 1);
    (execution.record.retries ??= []).push({ start, end: execution.now(), statusCode, code: statusCode ? statusCodeName(statusCode) : 'NoResponse', waitMs: wait });
    await execution.sleep(wait);
  }
}

/** A final HTTP result as an action outcome: 2xx succeeds, anything else fails with the status's code. */
export function httpOutcome(result: HttpResult, inputs: unknown): { inputs: unknown; outputs: HttpResult } {
  const outputs = { statusCode: result.statusCode, headers: result.headers, body: result.body };
  if (result.statusCode >= 200 && result.statusCode < 300) return { inputs, outputs };
  throw new ActionFailure(statusCodeName(result.statusCode), errorText(result), outputs);
}

function errorText(result: HttpResult): string {
  const body = result.body as { error?: { message?: unknown }; message?: unknown } | string | undefined;
  if (typeof body === 'object' && body !== null) {
    const message = body.error?.message ?? body.message;
    if (typeof message === 'string') return message;
  }
  if (typeof body === 'string' && body.length > 0) return body.slice(0, 1000);
  return `The request failed with status code '${result.statusCode}'.`;
}
