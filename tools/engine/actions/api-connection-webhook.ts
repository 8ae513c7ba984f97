import type { EvaluationContext } from '../../expressions/context.js';
import { listenForCallback, subscribeAndWait } from '../connectors/webhook-subscription.js';
import { evaluatePart } from '../inputs/templates.js';
import type { ActionType } from './action-type.js';
import { legacyConnection, legacyRequest, validateLegacyInputs } from './api-connection.js';
import { inputsObject } from './values.js';

/**
 * ApiConnectionWebhook, the `$connections` form of OpenApiConnectionWebhook that flows exported
 * before connection references use ("Start and wait for an approval", "Send approval email"):
 * `host.connection.name`, `path` (and optional `method`, default POST), `queries`, `headers` and a
 * `body` that carries `@{listCallbackUrl()}`. It subscribes, waits on the run's clock for the
 * service to call back, then unsubscribes (DELETE to the subscription's Location): the same
 * mechanism as OpenApiConnectionWebhook (connectors/webhook-subscription.ts). The callback's
 * body becomes `body('Action')`.
 */
export const apiConnectionWebhook: ActionType = {
  type: 'ApiConnectionWebhook',
  validate(definition, report) {
    validateLegacyInputs(definition, report, false);
  },
  async run(execution) {
    const callback = await listenForCallback();
    try {
      // `listCallbackUrl()` in these inputs is this action's own callback endpoint.
      const context: EvaluationContext = Object.assign(Object.create(execution.frame) as EvaluationContext, { callbackUrl: () => callback.url });
      const inputs = inputsObject(evaluatePart(execution.action, 'inputs', execution.action.definition.inputs, context), execution.name);
      const connection = legacyConnection(execution, inputs);
      const request = legacyRequest(inputs, connection, 'POST');
      const { subscribe, notification } = await subscribeAndWait(execution, connection, request, inputs.retryPolicy, callback);
      return { inputs: { host: inputs.host, method: request.method, path: inputs.path, queries: inputs.queries, body: inputs.body, subscribe }, outputs: { statusCode: 200, headers: notification.headers, body: notification.body } };
    } finally {
      callback.close();
    }
  },
};
