import { functionError } from '../errors.js';
import { deepEquals, plainNumber, typeName } from '../values.js';
import { ANY, BOOLEAN, booleanArg, type FunctionDescriptor } from './descriptor.js';

const category = 'logical';
const COMPARABLE = ['integer', 'float', 'string'] as const;

/**
 * greater/less & co. compare two numbers or two strings (ordinal). Null compares as '' (the docs:
 * null values in comparisons become empty strings).
 */
function compare(fn: string, args: readonly unknown[]): number {
  let a = plainNumber(args[0]);
  let b = plainNumber(args[1]);
  if (a === null || a === undefined) a = typeof b === 'number' ? a : '';
  if (b === null || b === undefined) b = typeof a === 'number' ? b : '';
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw functionError(fn, `expects two parameters of matching types: both numbers or both strings. The provided values are of types '${typeName(args[0])}' and '${typeName(args[1])}'.`);
}

/**
 * equals(): deep equality, with the documented conversions: null compares as '' ("null values are
 * converted to empty string values") and a boolean equals the number it converts to (equals(true, 1)).
 */
function looselyEquals(a: unknown, b: unknown): boolean {
  const left = a === null || a === undefined ? '' : plainNumber(a);
  const right = b === null || b === undefined ? '' : plainNumber(b);
  if (typeof left === 'boolean' && typeof right === 'number') return left === (right !== 0);
  if (typeof left === 'number' && typeof right === 'boolean') return right === (left !== 0);
  return deepEquals(left, right);
}

function comparison(name: string, test: (order: number) => boolean): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [COMPARABLE, COMPARABLE],
    returns: BOOLEAN,
    evaluate: (args, _ctx, call) => test(compare(call.name, args)),
  };
}

export const logicalFunctions: FunctionDescriptor[] = [
  {
    name: 'and',
    category,
    minArgs: 1,
    maxArgs: Infinity,
    argTypes: [BOOLEAN],
    returns: BOOLEAN,
    lazy: true,
    evaluate(args, ctx, call) {
      // Stops at the first false, as the service does.
      for (let i = 0; i < args.length; i++) if (!booleanArg(call.name, [args[i]!(ctx)], 0)) return false;
      return true;
    },
  },
  {
    name: 'or',
    category,
    minArgs: 1,
    maxArgs: Infinity,
    argTypes: [BOOLEAN],
    returns: BOOLEAN,
    lazy: true,
    evaluate(args, ctx, call) {
      for (let i = 0; i < args.length; i++) if (booleanArg(call.name, [args[i]!(ctx)], 0)) return true;
      return false;
    },
  },
  {
    name: 'not',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [BOOLEAN],
    returns: BOOLEAN,
    evaluate: (args, _ctx, call) => !booleanArg(call.name, args, 0),
  },
  {
    name: 'if',
    category,
    minArgs: 3,
    maxArgs: 3,
    argTypes: [BOOLEAN, ANY, ANY],
    returns: ANY,
    lazy: true,
    evaluate(args, ctx, call) {
      const condition = args[0]!(ctx);
      if (typeof condition !== 'boolean') {
        throw functionError(call.name, `expects its first parameter to be of type boolean. The provided value is of type '${typeName(condition)}'.`);
      }
      // Only the chosen branch is evaluated: if(empty(x), null, first(x)) does not fail on an empty x.
      return condition ? args[1]!(ctx) : args[2]!(ctx);
    },
  },
  {
    name: 'equals',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [ANY, ANY],
    returns: BOOLEAN,
    evaluate: (args) => looselyEquals(args[0], args[1]),
  },
  comparison('greater', (order) => order > 0),
  comparison('greaterOrEquals', (order) => order >= 0),
  comparison('less', (order) => order < 0),
  comparison('lessOrEquals', (order) => order <= 0),
];
