import { ActionFailure } from '../errors.js';
import type { ActionExecution } from '../run-action.js';
import { outcome, type Outcome } from './action-type.js';
import { declaredVariable, fitsType, mismatch } from './variable-values.js';
import { inputsObject } from './values.js';

/** Shared by Increment/DecrementVariable: add `sign * value` to a number variable. */
export function changeNumber(execution: ActionExecution, sign: 1 | -1): Outcome {
  const inputs = inputsObject(execution.inputs(), execution.name);
  const variable = declaredVariable(execution.run.variables, inputs.name, execution.name);
  if (variable.type !== 'integer' && variable.type !== 'float') {
    throw new ActionFailure('InvalidOperation', `The variable '${variable.name}' of type '${variable.type}' cannot be incremented or decremented; only Integer and Float variables can.`);
  }
  const by = inputs.value === undefined || inputs.value === null || inputs.value === '' ? 1 : inputs.value;
  if (!fitsType(variable.type, by)) throw mismatch(variable.name, variable.type, by);
  const value = (variable.value as number) + sign * (by as number);
  variable.value = value;
  return outcome({ name: variable.name, value: by }, { body: { name: variable.name, value } });
}
