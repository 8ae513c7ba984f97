import { ActionFailure } from '../errors.js';
import { outcome, type ActionType } from './action-type.js';
import { declaredVariable } from './variable-values.js';
import { inputsObject, textOf } from './values.js';

/** AppendToStringVariable: appends the value's text to a String variable. */
export const appendToStringVariable: ActionType = {
  type: 'AppendToStringVariable',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const variable = declaredVariable(execution.run.variables, inputs.name, execution.name);
    if (variable.type !== 'string') throw new ActionFailure('InvalidOperation', `The variable '${variable.name}' of type '${variable.type}' cannot be appended to by action type 'AppendToStringVariable'; it needs a String variable.`);
    variable.value = (variable.value as string) + textOf(inputs.value);
    return outcome({ name: variable.name, value: inputs.value });
  },
};
