import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { copyArray, declaredVariable } from './variable-values.js';
import { inputsObject } from './values.js';
import { APPEND_VARIABLE } from '../history/record-shape.js';
import type { RunState } from '../context/run-state.js';

/**
 * AppendToArrayVariable: any value but an array. The array is extended in place unless a value
 * kept somewhere (an output, an input, a Foreach's items) holds it since (then it is copied first),
 * so earlier outputs keep their value and a 100k-item loop that reads and appends stays linear.
 */
export const appendToArrayVariable: ActionType = {
  type: 'AppendToArrayVariable',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    appendToArray(execution.run, inputs, execution.name);
    return execution.succeededWithVariable(inputs, undefined, APPEND_VARIABLE);
  },
};

/** AppendToArrayVariable's effect on the run's variables (also a compiled loop step's: compiled/variable-step.ts). */
export function appendToArray(run: RunState, inputs: Record<string, unknown>, action: string): void {
  const variable = declaredVariable(run.variables, inputs.name, action);
  if (variable.type !== 'array') throw new ActionFailure('InvalidOperation', `The variable '${variable.name}' of type '${variable.type}' cannot be appended to by action type 'AppendToArrayVariable'; it needs an Array variable.`);
  const value = inputs.value;
  if (Array.isArray(value)) {
    throw new ActionFailure('InvalidOperation', `The input value is of type 'Array' which cannot be appended to the variable '${variable.name}' of type 'Array'. The action type 'AppendToArrayVariable' only supports values of types 'Float, Integer, String, Boolean, Object'.`);
  }
  run.arrayReads.flush();
  if (variable.shared) {
    variable.value = copyArray(variable.value as unknown[]);
    variable.shared = false;
  }
  (variable.value as unknown[]).push(value);
}
