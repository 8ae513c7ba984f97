import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ApiFailure, apiError, fail } from '../errors.js';
import { publicSubscription, type Subscription, type Webhook } from '../subscriptions.js';
import { parseApiTime } from '../time-window.js';
import { requireContentType } from './content-type.js';
import type { ApiRequest, ApiRoute } from './route.js';

interface WebhookInput {
  address?: unknown;
  authId?: unknown;
  expiration?: unknown;
}

function parseWebhook(request: ApiRequest): Webhook | null {
  if (request.body.trim() === '') return null;
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    fail('AF20002', 'body', 'json');
  }
  const webhook = (body as { webhook?: WebhookInput } | null)?.webhook;
  if (webhook === undefined || webhook === null) return null;
  if (typeof webhook !== 'object' || typeof webhook.address !== 'string' || webhook.address === '') fail('AF20001', 'webhook.address');
  const address = webhook.address;
  if (!/^https:\/\//i.test(address) && !(request.context.allowHttpWebhooks && /^http:\/\//i.test(address))) fail('AF20021', address, 'The address must begin with HTTPS.');
  const expiration = webhook.expiration === undefined || webhook.expiration === '' ? null : webhook.expiration;
  if (expiration !== null) {
    const at = typeof expiration === 'string' ? parseApiTime(expiration) : undefined;
    if (at === undefined) fail('AF20002', 'webhook.expiration', 'datetime');
    if (at <= request.context.now().getTime()) fail('AF20003', String(expiration));
  }
  return { status: 'enabled', address, authId: typeof webhook.authId === 'string' ? webhook.authId : null, expiration: expiration as string | null };
}

/** The validation POST the service sends to a new webhook; only HTTP 200 counts. */
async function validateWebhook(webhook: Webhook): Promise<boolean> {
  const code = randomUUID();
  try {
    const response = await fetch(webhook.address, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Webhook-ValidationCode': code, ...(webhook.authId ? { 'Webhook-AuthID': webhook.authId } : {}) },
      body: JSON.stringify({ validationCode: code }),
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

/** POST /subscriptions/start: creates, re-enables or updates a subscription. */
export const startSubscription: ApiRoute = {
  method: 'POST',
  path: 'subscriptions/start',
  operation: 'StartSubscription',
  contentTypeOf: (r) => r.query.get('contenttype'),
  async handle(request) {
    const { context } = request;
    const contentType = requireContentType(request);
    const webhook = parseWebhook(request);
    const nowMs = context.now().getTime();
    const existing = context.subscriptions.get(contentType);
    // A disabled or expired webhook counts as a change: /start re-enables it.
    if (existing?.status === 'enabled' && isDeepStrictEqual(existing.webhook, webhook)) fail('AF20024');
    if (existing && context.startCooldownMs > 0 && nowMs - existing.lastStartMs < context.startCooldownMs) {
      // Observed on the wire: HTTP 403 with the bare code "429" (not AF429).
      const wait = waitText(existing.lastStartMs + context.startCooldownMs - nowMs);
      throw new ApiFailure({ status: 403, code: '429', message: `Too many frequent subscription start requests. Please retry again after ${wait}.` });
    }
    if (webhook && !isDeepStrictEqual(existing?.webhook, webhook) && !(await validateWebhook(webhook))) {
      throw new ApiFailure(apiError('AF20021', webhook.address, 'The endpoint did not return HTTP 200.'));
    }
    const periods = existing ? [...existing.periods] : [{ fromMs: nowMs - context.backfillMs, toMs: null }];
    if (existing?.status === 'disabled') periods.push({ fromMs: nowMs, toMs: null });
    const subscription: Subscription = { contentType, status: 'enabled', webhook, periods, lastStartMs: nowMs, notifiedUpToMs: webhook ? (existing?.notifiedUpToMs ?? nowMs) : undefined, failedDeliveries: 0 };
    context.subscriptions.set(subscription);
    return { status: 200, body: publicSubscription(subscription) };
  },
};
