import { functionError, invalidParameter } from '../errors.js';
import { deepEquals, findKey, isObject, plainNumber, setOwn, toText, typeName, type JsonObject } from '../values.js';
import { MAX_RESULT_CHARS } from './string.js';
import { ANY, ARRAY, BOOLEAN, COLLECTION, INTEGER, STRING, arrayArg, integerArg, stringArg, wrongType, type FunctionDescriptor } from './descriptor.js';

const category = 'collection';
const STRING_OR_ARRAY = ['string', 'array'] as const;

function stringOrArray(fn: string, args: readonly unknown[], index: number): string | unknown[] {
  const value = args[index];
  if (typeof value === 'string' || Array.isArray(value)) return value;
  throw wrongType(fn, index, 'an array or a string', value, args.length === 1);
}

/** Array items without deep duplicates, first occurrence kept. */
function distinct(items: readonly unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const item of items) if (!result.some((kept) => deepEquals(kept, item))) result.push(item);
  return result;
}

function setOperands(fn: string, args: readonly unknown[]): { arrays: unknown[][] } | { objects: JsonObject[] } {
  if (args.every(Array.isArray)) return { arrays: args as unknown[][] };
  if (args.every(isObject)) return { objects: args as JsonObject[] };
  const bad = args.findIndex((arg) => !Array.isArray(arg) && !isObject(arg));
  if (bad >= 0) throw wrongType(fn, bad, 'an array or an object', args[bad]);
  throw functionError(fn, 'expects parameters of the same type: all arrays or all objects.');
}

/** Sort order of JSON scalars: numbers, then strings (ordinal), booleans false < true; mixed kinds are refused. */
function compareForSort(fn: string, left: unknown, right: unknown): number {
  const a = plainNumber(left);
  const b = plainNumber(right);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  throw invalidParameter(fn, `The values of type '${typeName(a)}' and '${typeName(b)}' cannot be compared.`);
}

/** first()/last(): one end of a string or array (null for an empty array). */
function end(name: string, pick: (collection: string | unknown[]) => unknown): FunctionDescriptor {
  return { name, category, minArgs: 1, maxArgs: 1, argTypes: [STRING_OR_ARRAY], returns: ANY, evaluate: (args, _ctx, call) => pick(stringOrArray(call.name, args, 0)) };
}

/** skip()/take(): a count of items from the front of a string or array. */
function slicer(name: string, cut: (collection: string | unknown[], count: number) => string | unknown[]): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING_OR_ARRAY, INTEGER],
    returns: STRING_OR_ARRAY,
    evaluate(args, _ctx, call) {
      const collection = stringOrArray(call.name, args, 0);
      const count = integerArg(call.name, args, 1);
      if (count < 0) throw invalidParameter(call.name, 'The count must be a non-negative integer.');
      return cut(collection, count);
    },
  };
}

export const collectionFunctions: FunctionDescriptor[] = [
  {
    name: 'chunk',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING_OR_ARRAY, INTEGER],
    returns: ARRAY,
    evaluate(args, _ctx, call) {
      const collection = stringOrArray(call.name, args, 0);
      const size = integerArg(call.name, args, 1);
      if (size <= 0) throw invalidParameter(call.name, 'The chunk length must be a positive integer.');
      const chunks: unknown[] = [];
      for (let i = 0; i < collection.length; i += size) chunks.push(collection.slice(i, i + size));
      return chunks;
    },
  },
  {
    name: 'contains',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [COLLECTION, ANY],
    returns: BOOLEAN,
    evaluate(args, _ctx, call) {
      const [collection, value] = args;
      if (typeof collection === 'string') return collection.includes(stringArg(call.name, args, 1));
      if (Array.isArray(collection)) return collection.some((item) => deepEquals(item, value));
      if (isObject(collection)) return typeof value === 'string' && findKey(collection, value) !== undefined;
      throw wrongType(call.name, 0, 'a string, an array or an object', collection);
    },
  },
  {
    name: 'empty',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [['string', 'array', 'object', 'null']],
    returns: BOOLEAN,
    evaluate(args, _ctx, call) {
      const value = args[0];
      if (value === null || value === undefined) return true;
      if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
      if (isObject(value)) return Object.keys(value).length === 0;
      throw wrongType(call.name, 0, 'a string, an array, an object or null', value, true);
    },
  },
  end('first', (collection) => (typeof collection === 'string' ? collection.slice(0, 1) : collection.length > 0 ? collection[0] : null)),
  end('last', (collection) => (typeof collection === 'string' ? collection.slice(-1) : collection.length > 0 ? collection[collection.length - 1] : null)),
  {
    name: 'intersection',
    category,
    minArgs: 2,
    maxArgs: Infinity,
    argTypes: [['array', 'object']],
    returns: ['array', 'object'],
    evaluate(args, _ctx, call) {
      const operands = setOperands(call.name, args);
      if ('arrays' in operands) {
        const [first, ...rest] = operands.arrays;
        return distinct(first!.filter((item) => rest.every((other) => other.some((candidate) => deepEquals(candidate, item)))));
      }
      const [first, ...rest] = operands.objects;
      const result: JsonObject = {};
      for (const key of Object.keys(first!)) {
        if (!rest.every((other) => Object.prototype.hasOwnProperty.call(other, key) && deepEquals(other[key], first![key]))) continue;
        setOwn(result, key, operands.objects[operands.objects.length - 1]![key]);
      }
      return result;
    },
  },
  {
    name: 'join',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [ARRAY, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const items = arrayArg(call.name, args, 0);
      const delimiter = stringArg(call.name, args, 1);
      const text = items.map(toText).join(delimiter);
      if (text.length > MAX_RESULT_CHARS) throw invalidParameter(call.name, `The result has ${text.length} characters; it must not exceed ${MAX_RESULT_CHARS}.`);
      return text;
    },
  },
  {
    name: 'length',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [STRING_OR_ARRAY],
    returns: INTEGER,
    evaluate: (args, _ctx, call) => stringOrArray(call.name, args, 0).length,
  },
  {
    name: 'reverse',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [ARRAY],
    returns: ARRAY,
    evaluate: (args, _ctx, call) => [...arrayArg(call.name, args, 0)].reverse(),
  },
  slicer('skip', (collection, count) => collection.slice(count)),
  slicer('take', (collection, count) => collection.slice(0, count)),
  {
    name: 'sort',
    category,
    minArgs: 1,
    maxArgs: 2,
    argTypes: [ARRAY, STRING],
    returns: ARRAY,
    evaluate(args, _ctx, call) {
      const items = [...arrayArg(call.name, args, 0)];
      if (args.length < 2 || args[1] === null) return items.sort((a, b) => compareForSort(call.name, a, b));
      const key = stringArg(call.name, args, 1);
      const read = (item: unknown) => (isObject(item) ? item[findKey(item, key) ?? key] : undefined);
      return items.sort((a, b) => compareForSort(call.name, read(a), read(b)));
    },
  },
  {
    name: 'union',
    category,
    minArgs: 2,
    maxArgs: Infinity,
    argTypes: [['array', 'object']],
    returns: ['array', 'object'],
    evaluate(args, _ctx, call) {
      const operands = setOperands(call.name, args);
      if ('arrays' in operands) return distinct(operands.arrays.flat());
      const result: JsonObject = {};
      for (const object of operands.objects) for (const key of Object.keys(object)) setOwn(result, key, object[key]);
      return result;
    },
  },
];
