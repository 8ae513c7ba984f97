import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { mapItems } from './repeat-items.js';
import { arrayInput, isObject } from './values.js';

/** Select: maps each item of `from` through `select` (an object of templates or one template); result in `body`. */
export const select: ActionType = {
  type: 'Select',
  run(execution) {
    const definition = execution.action.definition.inputs;
    if (!isObject(definition) || definition.select === undefined) throw new ActionFailure('InvalidTemplate', `The inputs of action '${execution.name}' must be an object with "from" and "select".`);
    const from = arrayInput(execution.evaluate('inputs.from', definition.from), execution.name, 'from');
    const body = mapItems(execution, from, 'inputs.select', definition.select);
    return { inputs: { from, select: definition.select }, outputs: { body } };
  },
};
