import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { copyArray, declaredVariable } from './variable-values.js';
import { inputsObject } from './values.js';
import { APPEND_VARIABLE } from '../history/record-shape.js';

/**
 * AppendToArrayVariable: any value but an array. The array is extended in place unless a value
 * kept somewhere (an output, an input, a Foreach's items) holds it since (then it is copied first),
 * so earlier outputs keep their value and a 100k-item loop that reads and appends stays linear.
 */
export const appendToArrayVariable: ActionType = {
  type: 'AppendToArrayVariable',
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const variable = declaredVariable(execution.run.variables, inputs.name, execution.name);
    if (variable.type !== 'array') throw new ActionFailure('InvalidOperation', `The variable '${variable.name}' of type '${variable.type}' cannot be appended to by action type 'AppendToArrayVariable'; it needs an Array variable.`);
    const value = inputs.value;
    if (Array.isArray(value)) {
      throw new ActionFailure('InvalidOperation', `The input value is of type 'Array' which cannot be appended to the variable '${variable.name}' of type 'Array'. The action type 'AppendToArrayVariable' only supports values of types 'Float, Integer, String, Boolean, Object'.`);
    }
    execution.run.arrayReads.flush();
    if (variable.shared) {
      variable.value = copyArray(variable.value as unknown[]);
      variable.shared = false;
    }
    (variable.value as unknown[]).push(value);
    return execution.succeededWithVariable(inputs, undefined, APPEND_VARIABLE);
  },
};


