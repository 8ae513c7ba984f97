import type { ActionType } from './action-type.js';
import { declaredVariable, fitsType, mismatch } from './variable-values.js';
import { inputsObject } from './values.js';
import { SET_VARIABLE } from '../history/record-shape.js';
import type { RunState } from '../context/run-state.js';

/** SetVariable: the new value must have the variable's declared type. */
export const setVariable: ActionType = {
  type: 'SetVariable',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    setVariableValue(execution.run, inputs, execution.name);
    // The inputs as evaluated ({name, value}) are what the history shows: recorded as is, not copied.
    return execution.succeededWithVariable(inputs, { body: inputs }, SET_VARIABLE);
  },
};

/** SetVariable's effect on the run's variables (also a compiled loop step's: compiled/variable-step.ts). */
export function setVariableValue(run: RunState, inputs: Record<string, unknown>, action: string): void {
  const variable = declaredVariable(run.variables, inputs.name, action);
  const value = inputs.value;
  if (!fitsType(variable.type, value)) throw mismatch(variable.name, variable.type, value);
  variable.value = value;
  // Shared with its source (a definition literal, an output, the inputs recorded): the next append copies it first.
  variable.shared = Array.isArray(value);
}
