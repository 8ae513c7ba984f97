import { ActionFailure } from '../errors.js';

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The type name Logic Apps uses in messages: Integer, Float, String, Boolean, Array, Object, Null. */
export function wdlTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** The inputs object of an action, or a clear failure naming what was expected. */
export function inputsObject(value: unknown, action: string): Record<string, unknown> {
  if (isObject(value)) return value;
  throw new ActionFailure('InvalidTemplate', `The inputs of action '${action}' must be an object; got ${wdlTypeName(value)}.`);
}

/** An array input (`from`, `foreach`), with the service's message when it is not one. */
export function arrayInput(value: unknown, action: string, property: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new ActionFailure('InvalidTemplate', `The '${property}' property of action '${action}' must be an array; the evaluated value is of type '${wdlTypeName(value)}'.`);
}

/** Text of a value as string interpolation shows it: objects and arrays as JSON, null as empty. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
