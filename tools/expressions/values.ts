/**
 * The value model of expressions: JSON values (null, boolean, number, string, array, object).
 * Integers and floats are both JS numbers; a number with a fraction is a float, and float-ness of
 * integral results is tracked statically by the compiler where it changes a result (`div(11, 5.0)`).
 */

import { DecimalNumber } from './decimal.js';

export type JsonObject = { [key: string]: unknown };

/** The service's names of JSON types, as its error messages print them. */
export type ValueTypeName = 'Null' | 'Boolean' | 'Integer' | 'Float' | 'String' | 'Array' | 'Object';

export function typeName(value: unknown): ValueTypeName {
  if (value === null || value === undefined) return 'Null';
  switch (typeof value) {
    case 'boolean':
      return 'Boolean';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'Float';
    case 'bigint':
      return 'Integer';
    case 'string':
      return 'String';
    default:
      return Array.isArray(value) ? 'Array' : value instanceof DecimalNumber ? 'Float' : 'Object';
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof DecimalNumber);
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Property lookup as the service does it: the exact name first, then a case-insensitive match
 * (the Azure template engine that Logic Apps shares with ARM falls back to any case). Only own
 * properties count, so `['constructor']` never reaches the prototype. Returns undefined when absent.
 */
export function getProperty(object: JsonObject, name: string): unknown {
  if (hasOwn.call(object, name)) return object[name];
  const lower = name.toLowerCase();
  for (const key in object) {
    if (hasOwn.call(object, key) && key.length === name.length && key.toLowerCase() === lower) return object[key];
  }
  return undefined;
}

export function hasProperty(object: JsonObject, name: string): boolean {
  if (hasOwn.call(object, name)) return true;
  const lower = name.toLowerCase();
  for (const key in object) if (hasOwn.call(object, key) && key.toLowerCase() === lower) return true;
  return false;
}

/** The existing key that `name` matches (exact, then case-insensitive), or undefined. */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (hasOwn.call(object, name)) return name;
  const lower = name.toLowerCase();
  for (const key in object) if (hasOwn.call(object, key) && key.toLowerCase() === lower) return key;
  return undefined;
}

/** A number as .NET prints it: `1E+21`, `1E-07`, `0.5`. */
export function formatNumberInvariant(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const mantissa = text.slice(0, e);
  const sign = text[e + 1] === '-' ? '-' : '+';
  const digits = text.slice(e + 2).padStart(2, '0');
  return `${mantissa}E${sign}${digits}`;
}

/**
 * A value as text, the way `string()`, `concat()` and `@{...}` interpolation render it: strings as
 * is, null as '', booleans as .NET prints them ('True'/'False'), numbers invariant, arrays and
 * objects as compact JSON.
 */
export function toText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatNumberInvariant(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'undefined':
      return '';
    default:
      if (value === null) return '';
      if (value instanceof DecimalNumber) return value.toString();
      if (isContentEnvelope(value)) return Buffer.from(value['$content'], 'base64').toString('utf8');
      return JSON.stringify(value);
  }
}

/** `{"$content-type", "$content"}`: binary or XML content, which becomes its decoded text in string contexts. */
function isContentEnvelope(value: unknown): value is { '$content': string } {
  return isObject(value) && typeof value['$content'] === 'string' && typeof value['$content-type'] === 'string';
}

/** Deep equality of JSON values (JToken.DeepEquals): 1 equals 1.0, key order does not matter. */
export function deepEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null) return b === null || b === undefined;
  if (a instanceof DecimalNumber || b instanceof DecimalNumber) return numericValue(a) === numericValue(b);
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bObject = b as JsonObject;
  if (aKeys.length !== Object.keys(bObject).length) return false;
  for (const key of aKeys) {
    if (!hasOwn.call(bObject, key) || !deepEquals((a as JsonObject)[key], bObject[key])) return false;
  }
  return true;
}

/** Turns undefined (absent) into null, the only "nothing" a JSON value has. */
export function orNull(value: unknown): unknown {
  return value === undefined ? null : value;
}

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver that drops keys which could pollute prototypes when values are merged later. */
export function dropPollutingKeys(key: string, value: unknown): unknown {
  return POLLUTING_KEYS.has(key) ? undefined : value;
}

/** Sets `object[key] = value` as an own property even for `__proto__`. */
export function setOwn(object: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A number, or a decimal as a number; anything else as NaN (never equal). */
export function numericValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof DecimalNumber) return value.toNumber();
  return Number.NaN;
}

/** Decimals become numbers; other values are returned as they are. */
export function plainNumber<T>(value: T): T | number {
  return value instanceof DecimalNumber ? value.toNumber() : value;
}
