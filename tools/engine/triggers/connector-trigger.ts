import { asRequest, type TriggerType } from './trigger-type.js';

/**
 * Connector triggers (polling `OpenApiConnection`/`ApiConnection`, webhook
 * `OpenApiConnectionWebhook`/`ApiConnectionWebhook`, and `OpenApiConnectionNotification`, the type
 * Power Automate exports for connector triggers that subscribe to notifications, e.g. Outlook's
 * "When an event is added, updated or deleted (V3)"): locally the caller supplies what the
 * connector would have delivered, `{headers?, body}` or the body itself.
 */
function connectorTrigger(type: string): TriggerType {
  return {
    type,
    fire(_definition, payload) {
      const request = asRequest(payload ?? {});
      return { outputs: { statusCode: 200, headers: request.headers, body: request.body } };
    },
  };
}

export const openApiConnectionTrigger = connectorTrigger('OpenApiConnection');
export const openApiConnectionWebhookTrigger = connectorTrigger('OpenApiConnectionWebhook');
export const openApiConnectionNotificationTrigger = connectorTrigger('OpenApiConnectionNotification');
export const apiConnectionTrigger = connectorTrigger('ApiConnection');
export const apiConnectionWebhookTrigger = connectorTrigger('ApiConnectionWebhook');
