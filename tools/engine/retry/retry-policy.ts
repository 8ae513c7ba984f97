import { parseIsoDuration } from '../clock.js';
import { ActionFailure } from '../errors.js';

/** A resolved retry policy (`inputs.retryPolicy`), intervals in ms. */
export interface RetryPolicy {
  type: 'none' | 'fixed' | 'exponential';
  count: number;
  interval: number;
  minimumInterval: number;
  maximumInterval: number;
}

/**
 * The Default policy as Logic Apps documents it: "an exponential interval policy that sends up to 4
 * retries at exponentially increasing intervals. These intervals scale by 7.5 seconds but are
 * capped between 5 and 45 seconds."
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { type: 'exponential', count: 4, interval: 7500, minimumInterval: 5000, maximumInterval: 45_000 };

/** Reads `retryPolicy` (already evaluated); count 1-90 as documented. */
export function resolveRetryPolicy(raw: unknown, action: string): RetryPolicy {
  if (raw === undefined || raw === null) return DEFAULT_RETRY_POLICY;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ActionFailure('InvalidTemplate', `The 'retryPolicy' of action '${action}' must be an object.`);
  const policy = raw as Record<string, unknown>;
  const type = String(policy.type ?? 'default').toLowerCase();
  if (type === 'default') return DEFAULT_RETRY_POLICY;
  if (type === 'none') return { ...DEFAULT_RETRY_POLICY, type: 'none', count: 0 };
  if (type !== 'fixed' && type !== 'exponential') throw new ActionFailure('InvalidTemplate', `The retry policy type '${String(policy.type)}' of action '${action}' is not one of default, none, fixed, exponential.`);
  const count = Number(policy.count ?? 4);
  if (!Number.isInteger(count) || count < 1 || count > 90) throw new ActionFailure('InvalidTemplate', `The retry policy count of action '${action}' must be from 1 to 90.`);
  const duration = (name: string, fallback: number) => {
    if (policy[name] === undefined) return fallback;
    const ms = parseIsoDuration(policy[name]);
    if (ms === undefined) throw new ActionFailure('InvalidTemplate', `The retry policy '${name}' of action '${action}' is not an ISO 8601 duration.`);
    return ms;
  };
  const interval = duration('interval', type === 'fixed' ? 20_000 : 7_000);
  return { type, count, interval, minimumInterval: duration('minimumInterval', 5_000), maximumInterval: duration('maximumInterval', 86_400_000) };
}

/**
 * Wait before retry `attempt` (1-based). Fixed: the interval. Exponential: the documented range
 * [max(2^(k-2)·interval, min), min(2^(k-1)·interval, max)] (k=1: [min, min(interval, max)]); the
 * engine takes the middle of the range instead of a random point, so runs are reproducible.
 */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  if (policy.type === 'fixed') return policy.interval;
  const low = attempt === 1 ? policy.minimumInterval : Math.max(2 ** (attempt - 2) * policy.interval, policy.minimumInterval);
  const high = Math.max(low, Math.min(2 ** (attempt - 1) * policy.interval, policy.maximumInterval));
  return Math.round((Math.min(low, policy.maximumInterval) + high) / 2);
}

/** 408, 429 and 5xx are retried (and requests that got no response). */
export function isRetriableStatus(statusCode: number | undefined): boolean {
  return statusCode === undefined || statusCode === 408 || statusCode === 429 || statusCode >= 500;
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`. */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const value = headers['retry-after'] ?? headers['Retry-After'];
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
