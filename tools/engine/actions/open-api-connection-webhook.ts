import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActionFailure } from '../errors.js';
import { invokeRequest } from '../connectors/invoke-operation.js';
import { buildSwaggerRequest, findOperation } from '../connectors/swagger-request.js';
import type { ActionType } from './action-type.js';
import type { ActionExecution } from '../run-action.js';
import { inputsObject, isObject } from './values.js';

const MAX_CALLBACK_BYTES = 10 * 1024 * 1024;

/**
 * OpenApiConnectionWebhook ("... and wait"): subscribes with a callback URL (the parameter marked
 * `x-ms-notification-url`), waits for the service to call back, then unsubscribes (DELETE to the
 * subscription's Location). The callback listens on 127.0.0.1 only; its body becomes `body`. The
 * wait is on the run's clock, like a Delay: see waitForCallback.
 */
export const openApiConnectionWebhook: ActionType = {
  type: 'OpenApiConnectionWebhook',
  validate(definition, report) {
    const host = (definition.inputs as { host?: Record<string, unknown> } | undefined)?.host;
    if (!isObject(host) || typeof host.connectionName !== 'string' || typeof host.operationId !== 'string') report('"inputs.host" needs "connectionName" and "operationId"', ['inputs', 'host']);
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const host = inputs.host as { connectionName: string; operationId: string; apiId?: string };
    const parameters = isObject(inputs.parameters) ? { ...inputs.parameters } : {};
    const connection = execution.run.services.connections.resolve(host.connectionName, execution.run.workflow.connectionReferences, host.apiId);
    if (!connection.swagger) throw new ActionFailure('ConnectorNotBound', `Webhook action '${execution.name}' needs the connector's swagger in the connections map (connection '${connection.key}').`);
    const operation = findOperation(connection.swagger, host.operationId);
    const callback = await listenForCallback();
    try {
      const overrides: Record<string, unknown> = {};
      for (const parameter of operation.parameters) {
        if (parameter['x-ms-notification-url']) overrides[parameter.name] = callback.url;
        if (parameter.in === 'body') {
          const schema = resolveSchema(connection.swagger, (parameter as { schema?: unknown }).schema);
          for (const [property, definition] of Object.entries((schema?.properties ?? {}) as Record<string, { 'x-ms-notification-url'?: boolean }>)) {
            if (definition?.['x-ms-notification-url']) parameters[`${parameter.name}/${property}`] = callback.url;
          }
        }
      }
      const request = buildSwaggerRequest(connection.swagger, operation, parameters, connection.config.baseUrl, overrides);
      const subscribed = await invokeRequest(execution, connection, request, inputs.retryPolicy);
      const location = subscribed.outputs.headers.location;
      let notification: Notification;
      try {
        notification = await waitForCallback(execution, callback.received);
      } finally {
        // Unsubscribe whether the callback came or the wait timed out, as the service does.
        if (location) await invokeRequest(execution, connection, { method: 'DELETE', url: new URL(location, connection.config.baseUrl).toString(), headers: {} }, { type: 'none' }).catch(() => undefined);
      }
      return { inputs: { host, parameters, subscribe: subscribed.inputs }, outputs: { statusCode: 200, headers: notification.headers, body: notification.body } };
    } finally {
      callback.close();
    }
  },
};

function resolveSchema(swagger: Record<string, unknown>, schema: unknown): Record<string, unknown> | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref) return schema as Record<string, unknown> | undefined;
  const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
  return name ? ((swagger.definitions ?? {}) as Record<string, Record<string, unknown>>)[name] : undefined;
}

type Notification = { headers: Record<string, string>; body: unknown };

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

async function listenForCallback(): Promise<{ url: string; received: Promise<{ headers: Record<string, string>; body: unknown }>; close(): void }> {
  let resolveReceived!: (value: { headers: Record<string, string>; body: unknown }) => void;
  let rejectReceived!: (error: Error) => void;
  const received = new Promise<{ headers: Record<string, string>; body: unknown }>((resolve, reject) => {
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
