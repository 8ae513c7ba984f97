import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject, textOf } from './values.js';

/**
 * Response (kind Http) and "Respond to a PowerApp or flow" (kind PowerApp): what the caller of a
 * Request-triggered flow gets. A parent flow's Workflow action reads its body.
 */
export const response: ActionType = {
  type: 'Response',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const statusCode = inputs.statusCode === undefined ? 200 : Number(inputs.statusCode);
    if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) throw new ActionFailure('InvalidTemplate', `The 'statusCode' of action '${execution.name}' must be an HTTP status code.`);
    if (execution.run.response) throw new ActionFailure('InvalidOperation', `The flow already responded (action '${execution.run.response.by}'); action '${execution.name}' cannot respond again.`);
    const headers: Record<string, string> = {};
    if (isObject(inputs.headers)) for (const [k, v] of Object.entries(inputs.headers)) headers[k] = textOf(v);
    execution.run.response = { statusCode, headers, body: inputs.body, by: execution.name };
    return { inputs, outputs: { statusCode, headers, body: inputs.body } };
  },
};
