import type { ActionType } from './action-type.js';
import { arrayInput, inputsObject, textOf } from './values.js';

/** Join: the items of `from` as text, separated by `joinWith`; result (a string) in `body`. */
export const join: ActionType = {
  type: 'Join',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const from = arrayInput(inputs.from, execution.name, 'from');
    const body = from.map(textOf).join(textOf(inputs.joinWith));
    return { inputs, outputs: { body } };
  },
};
