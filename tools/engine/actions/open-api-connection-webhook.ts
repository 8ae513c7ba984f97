import { ActionFailure } from '../errors.js';
import { buildSwaggerRequest, findOperation } from '../connectors/swagger-request.js';
import { listenForCallback, subscribeAndWait } from '../connectors/webhook-subscription.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject } from './values.js';

/**
 * OpenApiConnectionWebhook ("... and wait"): subscribes with a callback URL (the parameter marked
 * `x-ms-notification-url`), waits for the service to call back, then unsubscribes (DELETE to the
 * subscription's Location). The callback listens on 127.0.0.1 only; its body becomes `body`. The
 * wait is on the run's clock, like a Delay (connectors/webhook-subscription.ts).
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
      const { subscribe, notification } = await subscribeAndWait(execution, connection, request, inputs.retryPolicy, callback);
      return { inputs: { host, parameters, subscribe }, outputs: { statusCode: 200, headers: notification.headers, body: notification.body } };
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
