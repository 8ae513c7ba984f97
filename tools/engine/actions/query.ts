import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { evaluateConditionAsBoolean } from './repeat-condition.js';
import { arrayInput, isObject } from './values.js';

/** Query (Filter array): keeps the items of `from` for which `where` is true; result in `body`. */
export const query: ActionType = {
  type: 'Query',
  run(execution) {
    const definition = execution.action.definition.inputs;
    if (!isObject(definition)) throw new ActionFailure('InvalidTemplate', `The inputs of action '${execution.name}' must be an object with "from" and "where".`);
    const from = arrayInput(execution.evaluate('inputs.from', definition.from), execution.name, 'from');
    const body = from.filter((item, index) => evaluateConditionAsBoolean(execution, item, index, definition.where));
    return { inputs: { from, where: definition.where }, outputs: { body } };
  },
};
