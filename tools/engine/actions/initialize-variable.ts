import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { VARIABLE_TYPES, fitsType, mismatch } from './variable-values.js';
import { inputsObject, isObject } from './values.js';

/** When no value is given the variable starts empty for its type. */
const EMPTY: Record<string, () => unknown> = { boolean: () => false, integer: () => 0, float: () => 0, string: () => '', array: () => [], object: () => ({}) };

/** InitializeVariable: declares one global variable (`inputs.variables` holds exactly one). */
export const initializeVariable: ActionType = {
  type: 'InitializeVariable',
  validate(definition, report) {
    const inputs = definition.inputs as { variables?: unknown } | undefined;
    if (!isObject(inputs) || !Array.isArray(inputs.variables) || inputs.variables.length !== 1) {
      report('"inputs.variables" must be an array with one variable {name, type, value}', ['inputs', 'variables']);
      return;
    }
    const variable = inputs.variables[0] as { name?: unknown; type?: unknown };
    if (typeof variable?.name !== 'string' || variable.name === '') report('the variable needs a "name"', ['inputs', 'variables', 0, 'name']);
    if (typeof variable?.type !== 'string' || !(VARIABLE_TYPES as readonly string[]).includes(variable.type.toLowerCase())) {
      report(`the variable "type" must be one of ${VARIABLE_TYPES.join(', ')}`, ['inputs', 'variables', 0, 'type']);
    }
  },
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const declared = (inputs.variables as Array<{ name: string; type: string; value?: unknown }>)[0] as { name: string; type: string; value?: unknown };
    const type = declared.type.toLowerCase();
    const variables = execution.run.variables;
    if (variables.has(declared.name)) throw new ActionFailure('InvalidOperation', `The variable '${declared.name}' has already been initialized.`);
    let value = declared.value === undefined || (declared.value === '' && type !== 'string') ? (EMPTY[type] as () => unknown)() : declared.value;
    if (type === 'float' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) value = Number(value);
    if (!fitsType(type, value)) throw mismatch(declared.name, type, value);
    // The value may be the definition's own literal (`[]`), another action's output or the trigger's
    // body: an array is marked shared, so the first append copies it instead of changing the source
    // (a second run of the same loaded workflow would otherwise start with the first run's items).
    variables.set(declared.name, { name: declared.name, type, value, shared: type === 'array' });
    return { inputs: { variables: [{ name: declared.name, type: declared.type, value }] } };
  },
};
