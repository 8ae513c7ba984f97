import { ActionFailure } from '../errors.js';
import type { Variable } from '../context/run-state.js';
import { isObject, wdlTypeName } from './values.js';

export const VARIABLE_TYPES = ['boolean', 'integer', 'float', 'string', 'array', 'object'] as const;

/** Whether `value` may be stored in a variable declared `type` (an integer fits a float). */
export function fitsType(type: string, value: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

export function mismatch(name: string, type: string, value: unknown): ActionFailure {
  const shown = type.charAt(0).toUpperCase() + type.slice(1);
  return new ActionFailure('InvalidOperation', `The variable '${name}' of type '${shown}' cannot be initialized or updated with value of type '${wdlTypeName(value)}'.`);
}

/** The declared variable `name`, or the service's error when it was never initialized. */
export function declaredVariable(variables: Map<string, Variable>, name: unknown, action: string): Variable {
  if (typeof name !== 'string') throw new ActionFailure('InvalidTemplate', `Action '${action}' must name a variable in "inputs.name".`);
  const variable = variables.get(name);
  if (!variable) throw new ActionFailure('InvalidOperation', `The variable '${name}' does not exist. Initialize it with an 'InitializeVariable' action before action '${action}'.`);
  return variable;
}

/** How many arrays appends have copied in this process (for tests: read-then-append loops stay linear). */
export const arrayCopies = { count: 0 };

/** The copy an append makes of an array value something else may hold. */
export function copyArray(array: readonly unknown[]): unknown[] {
  arrayCopies.count++;
  return array.slice();
}
