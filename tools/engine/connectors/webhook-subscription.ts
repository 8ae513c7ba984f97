import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionFailure } from '../errors.js';
import type { ActionExecution } from '../run-action.js';
import type { ResolvedConnection } from './connections.js';
import { invokeRequest } from './invoke-operation.js';
import type { BuiltRequest } from './swagger-request.js';

const MAX_CALLBACK_BYTES = 10 * 1024 * 1024;

/** What the service posted to the callback URL: it becomes the webhook action's outputs. */
export type Notification = { headers: Record<string, string>; body: unknown };

/** A callback endpoint on 127.0.0.1 for one webhook action: its URL, the first notification, and close(). */
export interface CallbackListener {
  url: string;
  received: Promise<Notification>;
  close(): void;
}

/**
 * The webhook pattern shared by OpenApiConnectionWebhook and ApiConnectionWebhook ("... and wait"):
 * send the subscription (which carries the callback URL), wait for the service to call back, then
 * unsubscribe with a DELETE to the subscription's Location, whether the callback came or the wait
 * timed out, as the service does.
 */
export async function subscribeAndWait(execution: ActionExecution, connection: ResolvedConnection, request: BuiltRequest, retryPolicy: unknown, callback: CallbackListener): Promise<{ subscribe: unknown; notification: Notification }> {
  const subscribed = await invokeRequest(execution, connection, request, retryPolicy);
  const location = subscribed.outputs.headers.location;
  try {
    return { subscribe: subscribed.inputs, notification: await waitForCallback(execution, callback.received) };
  } finally {
    if (location) await invokeRequest(execution, connection, { method: 'DELETE', url: new URL(location, connection.config.baseUrl).toString(), headers: {} }, { type: 'none' }).catch(() => undefined);
  }
}

/**
 * Waits for the callback until the action's `limit.timeout` (or the run's webhook timeout) on the
 * run's clock. A virtual clock cannot wait for a real service, so the service gets a short real
 * grace to call back (the callback then takes no virtual time); past it, the clock jumps to the
 * timeout and the action ends TimedOut, as it would after days without an answer.
 */
async function waitForCallback(execution: ActionExecution, received: Promise<Notification>): Promise<Notification> {
  const services = execution.run.services;
  const now = execution.now();
  const until = Math.min(now + services.webhookTimeoutMs, execution.deadline ?? Infinity);
  const virtual = execution.run.clock.setTime !== undefined;
  const arrived = await withinRealTime(received, virtual ? Math.min(services.webhookCallbackWaitMs, until - now) : until - now);
  if (arrived) return arrived.value;
  if (virtual) await execution.sleep(until - now); // throws TimedOut itself at the action's deadline
  throw new ActionFailure('ActionTimedOut', `No callback arrived for action '${execution.name}' within ${formatMs(until - now)}.`, undefined, 'TimedOut');
}

/** The event, if it happens within `ms` real milliseconds; the timer never outlives the wait. */
async function withinRealTime<T>(event: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
  });
  try {
    return await Promise.race([event.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function formatMs(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Opens the callback endpoint (loopback only, bodies up to 10 MB); the first POST is the notification. */
export async function listenForCallback(): Promise<CallbackListener> {
  let resolveReceived!: (value: Notification) => void;
  let rejectReceived!: (error: Error) => void;
  const received = new Promise<Notification>((resolve, reject) => {
    resolveReceived = resolve;
    rejectReceived = reject;
  });
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CALLBACK_BYTES) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text === '' ? undefined : text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v;
      response.writeHead(200).end();
      resolveReceived({ headers, body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  received.catch(() => undefined);
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () => {
      rejectReceived(new Error('the callback listener closed'));
      server.close();
    },
  };
}
