import type { EvaluationContext } from '../context.js';
import { functionError, invalidParameter } from '../errors.js';
import { canonicalLocale } from '../formats/culture.js';
import { typeName, isObject, plainNumber, type JsonObject, type ValueTypeName } from '../values.js';

/** The JSON kinds an argument may have; the flow linter checks literal arguments against them. */
export type ValueKind = 'string' | 'integer' | 'float' | 'boolean' | 'array' | 'object' | 'null';

/** Accepted kinds of one argument, or 'any'. */
export type ArgType = readonly ValueKind[] | 'any';

export const STRING: ArgType = ['string'];
export const INTEGER: ArgType = ['integer'];
export const NUMBER: ArgType = ['integer', 'float'];
export const BOOLEAN: ArgType = ['boolean'];
export const ARRAY: ArgType = ['array'];
export const OBJECT: ArgType = ['object'];
export const ANY: ArgType = 'any';
export const COLLECTION: ArgType = ['string', 'array', 'object'];

/** What the compiler knows about a call site when it builds the evaluator. */
export interface CallSite {
  /** The function name as written (for messages). */
  name: string;
  /** True when some argument is statically a float (`5.0`, `float(x)`, `add(1.5, x)`): `div` then divides as floats. */
  floatArgs: boolean;
}

/** An unevaluated argument of a lazy function (`if`, `and`, `or`, `coalesce`): call it with the context to read it. */
export type LazyArgument = (ctx: EvaluationContext) => unknown;

interface DescriptorBase {
  /** Canonical name as Microsoft documents it (`formatDateTime`); lookup is case-insensitive. */
  name: string;
  /** Doc category: string, collection, logical, conversion, math, date-time, uri, workflow, json-xml. */
  category: string;
  minArgs: number;
  /** Infinity for variadic functions (concat, and, union...). */
  maxArgs: number;
  /** Accepted kinds per argument; a variadic function repeats the last entry. */
  argTypes: readonly ArgType[];
  /** Result kinds, for static checks (e.g. a condition must be boolean). */
  returns: ArgType;
  /** `float`: always returns a float; `propagate`: a float if any argument is one (add, sub, mul, div...). */
  floatResult?: 'always' | 'propagate';
  /** Whether the result can change between two evaluations with the same context (guid, rand, utcNow). */
  volatile?: boolean;
}

export interface EagerFunction extends DescriptorBase {
  lazy?: false;
  evaluate(args: unknown[], ctx: EvaluationContext, call: CallSite): unknown;
}

export interface LazyFunction extends DescriptorBase {
  lazy: true;
  evaluate(args: readonly LazyArgument[], ctx: EvaluationContext, call: CallSite): unknown;
}

export type FunctionDescriptor = EagerFunction | LazyFunction;

/** The argument type that applies to argument `index` (the last one repeats). */
export function argTypeAt(descriptor: FunctionDescriptor, index: number): ArgType {
  const types = descriptor.argTypes;
  if (types.length === 0) return ANY;
  return types[Math.min(index, types.length - 1)]!;
}

export function kindOf(value: unknown): ValueKind {
  return typeName(value).toLowerCase() as ValueKind;
}

/** Whether a value of `kind` is acceptable for `type` (an integer is a valid float). */
export function accepts(type: ArgType, kind: ValueKind): boolean {
  if (type === 'any') return true;
  return type.includes(kind) || (kind === 'integer' && type.includes('float'));
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

export function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** "expects its first parameter to be of type string. The provided value is of type 'Integer'." */
export function wrongType(fn: string, index: number, expected: string, value: unknown, single = false): Error {
  const which = single ? 'its parameter' : `its ${ordinal(index)} parameter`;
  return functionError(fn, `expects ${which} to be ${expected}. The provided value is of type '${typeName(value)}'.`);
}

// Argument readers: each returns the typed value or throws the service-styled error.

export function stringArg(fn: string, args: readonly unknown[], index: number): string {
  const value = args[index];
  if (typeof value === 'string') return value;
  throw wrongType(fn, index, 'of type string', value, args.length === 1);
}

export function optionalStringArg(fn: string, args: readonly unknown[], index: number): string | undefined {
  const value = args[index];
  if (value === undefined || value === null) return undefined;
  return stringArg(fn, args, index);
}

export function integerArg(fn: string, args: readonly unknown[], index: number): number {
  const value = plainNumber(args[index]);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw wrongType(fn, index, 'an integer', value, args.length === 1);
}

export function numberArg(fn: string, args: readonly unknown[], index: number): number {
  const value = plainNumber(args[index]);
  if (typeof value === 'number') return value;
  throw wrongType(fn, index, 'an integer or a decimal number', value, args.length === 1);
}

export function booleanArg(fn: string, args: readonly unknown[], index: number): boolean {
  const value = args[index];
  if (typeof value === 'boolean') return value;
  throw wrongType(fn, index, 'of type boolean', value, args.length === 1);
}

export function arrayArg(fn: string, args: readonly unknown[], index: number): unknown[] {
  const value = args[index];
  if (Array.isArray(value)) return value;
  throw wrongType(fn, index, 'an array', value, args.length === 1);
}

export function objectArg(fn: string, args: readonly unknown[], index: number): JsonObject {
  const value = args[index];
  if (isObject(value)) return value;
  throw wrongType(fn, index, 'an object', value, args.length === 1);
}

/** An optional culture name ('en-US', 'fr-fr'), canonicalised; a malformed one is the function's error. */
export function localeArg(fn: string, args: readonly unknown[], index: number): string | undefined {
  const locale = optionalStringArg(fn, args, index);
  if (locale === undefined) return undefined;
  try {
    return canonicalLocale(locale);
  } catch {
    throw invalidParameter(fn, `The culture '${locale}' is not a valid culture name.`);
  }
}

export type { ValueTypeName };
