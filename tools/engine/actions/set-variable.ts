import type { ActionType } from './action-type.js';
import { declaredVariable, fitsType, mismatch } from './variable-values.js';
import { inputsObject } from './values.js';
import { SET_VARIABLE } from '../history/record-shape.js';

/** SetVariable: the new value must have the variable's declared type. */
export const setVariable: ActionType = {
  type: 'SetVariable',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const variable = declaredVariable(execution.run.variables, inputs.name, execution.name);
    const value = inputs.value;
    if (!fitsType(variable.type, value)) throw mismatch(variable.name, variable.type, value);
    variable.value = value;
    // Shared with its source (a definition literal, an output, the inputs recorded below): the next
    // append copies it first.
    variable.shared = Array.isArray(value);
    // The inputs as evaluated ({name, value}) are what the history shows: recorded as is, not copied.
    const recorded = inputs;
    return execution.succeededWithVariable(recorded, { body: recorded }, SET_VARIABLE);
  },
};
