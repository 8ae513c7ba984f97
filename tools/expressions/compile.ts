import { walkExpression, type ExpressionNode, type CallNode, type IndexNode, type MemberNode } from './ast.js';
import { plainDecimals } from './decimal.js';
import type { EvaluationContext } from './context.js';
import { EXPRESSION_DOCS_URL, WorkflowExpressionError } from './errors.js';
import type { CallSite, FunctionDescriptor } from './functions/descriptor.js';
import { lookupFunction } from './functions/index.js';
import { parseExpression } from './parser.js';
import { hasTemplateSyntax, parseTemplate } from './template.js';
import { getProperty, isObject, toText, typeName } from './values.js';

/** An expression compiled once: call it with a context as often as needed, it never re-parses. */
export type CompiledExpression = (ctx: EvaluationContext) => unknown;

/** Compiled expressions by text. Bounded so a generator of unique expressions cannot grow it forever. */
const expressionCache = new Map<string, CompiledExpression>();
const templateCache = new Map<string, CompiledExpression>();
const CACHE_LIMIT = 20_000;

function remember(cache: Map<string, CompiledExpression>, key: string, compiled: CompiledExpression): CompiledExpression {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/**
 * Compiles an expression (text without the leading `@`). Unknown functions and wrong argument
 * counts are reported here, as the service reports them when a flow is saved.
 */
export function compileExpression(text: string): CompiledExpression {
  const cached = expressionCache.get(text);
  if (cached) return cached;
  const node = parseExpression(text);
  return remember(expressionCache, text, guardRoot(compileNode(node, text), text, usesDecimal(node)));
}

/** Whether an expression can make a .NET decimal (only decimal() does). */
function usesDecimal(node: ExpressionNode): boolean {
  let found = false;
  walkExpression(node, (n) => {
    if (n.kind === 'call' && n.name.toLowerCase() === 'decimal') found = true;
    return !found;
  });
  return found;
}

/**
 * The last line of defence at the root of an expression: a RangeError (a JSON value nested so deep
 * that comparing or printing it overflows the stack, an impossible date) becomes an expression error
 * instead of crashing the caller.
 */
function guardRoot(evaluate: CompiledExpression, source: string, decimals = false): CompiledExpression {
  return (ctx) => {
    try {
      // A decimal leaving the expression becomes a JSON number (string() keeps its digits inside).
      return decimals ? plainDecimals(evaluate(ctx)) : evaluate(ctx);
    } catch (error) {
      if (error instanceof RangeError) throw expressionError(source, `a value is out of range or nested too deeply (${error.message})`);
      throw error;
    }
  };
}

/** Compiles an already parsed expression; `source` is its text, quoted in run-time errors. */
export function compileNode(node: ExpressionNode, source: string): CompiledExpression {
  switch (node.kind) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'call':
      return compileCall(node, source);
    case 'member':
      return compileMember(node, source);
    case 'index':
      return compileIndex(node, source);
  }
}

export function evaluateExpression(text: string, ctx: EvaluationContext): unknown {
  return compileExpression(text)(ctx);
}

/**
 * Compiles a whole workflow JSON value: strings through parseTemplate (`@expr`, `@{expr}`, `@@`),
 * arrays and objects recursively (object keys may hold `@{...}` too), other values as they are.
 * A value without expressions is returned as is, not copied.
 */
export function compileTemplate(value: unknown): CompiledExpression {
  const compiled = compileValue(value);
  if (compiled.constant) {
    const constant = compiled.value;
    return () => constant;
  }
  return compiled.evaluate;
}

export function evaluateTemplate(value: unknown, ctx: EvaluationContext): unknown {
  return compileTemplate(value)(ctx);
}

type CompiledValue = { constant: true; value: unknown } | { constant: false; evaluate: CompiledExpression };

function compileValue(value: unknown): CompiledValue {
  if (typeof value === 'string') return compileString(value);
  if (Array.isArray(value)) {
    const items = value.map(compileValue);
    if (items.every((item) => item.constant)) return { constant: true, value };
    const evaluators = items.map(toEvaluator);
    return { constant: false, evaluate: (ctx) => evaluators.map((evaluate) => evaluate(ctx)) };
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => [compileString(key), compileValue(item)] as const);
    if (entries.every(([key, item]) => key.constant && item.constant)) return { constant: true, value };
    const evaluators = entries.map(([key, item]) => [toEvaluator(key), toEvaluator(item)] as const);
    return {
      constant: false,
      evaluate: (ctx) => {
        const result: Record<string, unknown> = {};
        for (const [key, item] of evaluators) {
          const name = toText(key(ctx));
          // A computed key must not reach the prototype.
          if (name === '__proto__') Object.defineProperty(result, name, { value: item(ctx), enumerable: true, writable: true, configurable: true });
          else result[name] = item(ctx);
        }
        return result;
      },
    };
  }
  return { constant: true, value };
}

function toEvaluator(compiled: CompiledValue): CompiledExpression {
  if (compiled.constant) {
    const value = compiled.value;
    return () => value;
  }
  return compiled.evaluate;
}

function compileString(value: string): CompiledValue {
  if (!hasTemplateSyntax(value)) return { constant: true, value };
  const cached = templateCache.get(value);
  if (cached) return { constant: false, evaluate: cached };
  const parts = parseTemplate(value);
  if (parts.length === 1 && parts[0]!.kind === 'text') return { constant: true, value: parts[0]!.text };
  let evaluate: CompiledExpression;
  const first = parts[0]!;
  if (parts.length === 1 && first.kind === 'expression' && !first.interpolated) {
    evaluate = guardRoot(compileNode(first.node, first.text), first.text, usesDecimal(first.node));
  } else {
    const pieces = parts.map((part) => (part.kind === 'text' ? part.text : guardRoot(compileNode(part.node, part.text), part.text)));
    evaluate = (ctx) => {
      let text = '';
      for (const piece of pieces) text += typeof piece === 'string' ? piece : toText(piece(ctx));
      return text;
    };
  }
  return { constant: false, evaluate: remember(templateCache, value, evaluate) };
}

// ---- calls ----

function compileCall(node: CallNode, source: string): CompiledExpression {
  const descriptor = lookupFunction(node.name);
  if (!descriptor) {
    throw new WorkflowExpressionError(`The template function '${node.name}' is not defined or not valid. Please see ${EXPRESSION_DOCS_URL} for usage details.`, node.name);
  }
  checkArity(descriptor, node.args.length);
  const args = node.args.map((arg) => compileNode(arg, source));
  const site: CallSite = { name: descriptor.name, floatArgs: node.args.some(isStaticFloat) };
  if (descriptor.lazy) {
    const evaluate = descriptor.evaluate;
    return (ctx) => evaluate(args, ctx, site);
  }
  const evaluate = descriptor.evaluate;
  const folded = foldConstantCall(descriptor, node, site);
  if (folded) return folded;
  if (node.args.every((arg) => arg.kind === 'literal')) {
    // parameters('x'), body('Get_items'), utcNow(): literal arguments are built once (functions never change their arguments).
    const fixed = Object.freeze(node.args.map((arg) => (arg as { value: unknown }).value)) as unknown[];
    return (ctx) => evaluate(fixed, ctx, site);
  }
  // Specialised closures for the common arities: no argument array is built by map().
  switch (args.length) {
    case 0:
      return (ctx) => evaluate([], ctx, site);
    case 1: {
      const a = args[0]!;
      return (ctx) => evaluate([a(ctx)], ctx, site);
    }
    case 2: {
      const a = args[0]!;
      const b = args[1]!;
      return (ctx) => evaluate([a(ctx), b(ctx)], ctx, site);
    }
    case 3: {
      const a = args[0]!;
      const b = args[1]!;
      const c = args[2]!;
      return (ctx) => evaluate([a(ctx), b(ctx), c(ctx)], ctx, site);
    }
    default:
      return (ctx) => {
        const values = new Array<unknown>(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i]!(ctx);
        return evaluate(values, ctx, site);
      };
  }
}

/** A context for constant folding: a pure function never reads it. */
const NO_CONTEXT = new Proxy({} as EvaluationContext, {
  get() {
    throw new Error('constant folding read the context');
  },
});

/**
 * `concat('a', 'b')`, `int('10')`: a pure function of literals is evaluated once, at compile time.
 * Only primitive results are folded (a shared array or object could be changed by a caller), and a
 * call that fails is left to fail at run time, where the service reports it (it may sit in a branch
 * of if() that never runs).
 */
function foldConstantCall(descriptor: FunctionDescriptor, node: CallNode, site: CallSite): CompiledExpression | undefined {
  if (descriptor.lazy || descriptor.volatile || descriptor.category === 'workflow') return undefined;
  if (!node.args.every((arg) => arg.kind === 'literal')) return undefined;
  let value: unknown;
  try {
    value = descriptor.evaluate(node.args.map((arg) => (arg as { value: unknown }).value), NO_CONTEXT, site);
  } catch {
    return undefined;
  }
  if (value !== null && typeof value === 'object') return undefined;
  return () => value;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

function countWord(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}

function parametersWord(n: number): string {
  return `${countWord(n)} parameter${n === 1 ? '' : 's'}`;
}

/** Arity errors as the service words them when a flow is saved. */
export function checkArity(descriptor: FunctionDescriptor, count: number): void {
  const { minArgs, maxArgs, name } = descriptor;
  if (count >= minArgs && count <= maxArgs) return;
  let expected: string;
  if (minArgs === maxArgs) expected = minArgs === 0 ? 'no parameters' : parametersWord(minArgs);
  else if (maxArgs === Infinity) expected = `at least ${parametersWord(minArgs)}`;
  else expected = `${minArgs === 0 ? 'up to' : `between ${countWord(minArgs)} and`} ${parametersWord(maxArgs)}`;
  throw new WorkflowExpressionError(
    `The template language function '${name}' expects ${expected}, but was called with ${parametersWord(count)}. Please see ${EXPRESSION_DOCS_URL}#${name.toLowerCase()} for usage details.`,
    name,
  );
}

/** Whether a node's value is statically a float (`5.0`, `float('1')`, `add(1.5, x)`). */
function isStaticFloat(node: ExpressionNode): boolean {
  if (node.kind === 'literal') return node.float === true;
  if (node.kind !== 'call') return false;
  const descriptor = lookupFunction(node.name);
  if (!descriptor?.floatResult) return false;
  return descriptor.floatResult === 'always' || node.args.some(isStaticFloat);
}

// ---- property access ----

function expressionError(source: string, reason: string): WorkflowExpressionError {
  return new WorkflowExpressionError(`The template language expression '${source}' cannot be evaluated because ${reason}. Please see ${EXPRESSION_DOCS_URL} for usage details.`);
}

/** `object.name` / `object['name']`: exact name first, then any case; a slash path walks each segment. */
export function selectProperty(object: unknown, name: string, optional: boolean, source: string): unknown {
  if (isObject(object)) {
    const value = getProperty(object, name);
    if (value !== undefined) return value;
    if (name.includes('/')) return selectPath(object, name.split('/'), optional, source);
    if (optional) return null;
    const available = Object.keys(object);
    throw expressionError(source, `property '${name}' doesn't exist, available properties are '${available.join(', ')}'`);
  }
  if (object === null || object === undefined) {
    if (optional) return null;
    throw expressionError(source, `property '${name}' cannot be selected. Property selection is not supported on values of type 'Null'`);
  }
  if (Array.isArray(object)) {
    throw expressionError(source, `property '${name}' cannot be selected. Array elements can only be selected using an integer index`);
  }
  throw expressionError(source, `property '${name}' cannot be selected. Property selection is not supported on values of type '${typeName(object)}'`);
}

/** `['body/value']`: Power Automate's path shorthand for `['body']['value']` (same null-safety on each step). */
function selectPath(object: unknown, segments: readonly string[], optional: boolean, source: string): unknown {
  let current = object;
  for (const segment of segments) {
    if (segment === '') continue;
    // Segments are property names only: an array element needs its own [n] (as in the service).
    current = selectProperty(current, segment, optional, source);
  }
  return current;
}

/** `?` guards null values only: an index outside the array fails even as `?[n]`, as in the service. */
function selectIndex(array: unknown[], index: number, source: string): unknown {
  if (index >= 0 && index < array.length) {
    const value = array[index];
    return value === undefined ? null : value;
  }
  throw expressionError(source, `array index '${index}' is outside bounds (0, ${array.length - 1}) of array`);
}

/** `object[key]` for any key value. */
export function selectKey(object: unknown, key: unknown, optional: boolean, source: string): unknown {
  if (typeof key === 'string') return selectProperty(object, key, optional, source);
  if (typeof key === 'number' && Number.isInteger(key)) {
    if (Array.isArray(object)) return selectIndex(object, key, source);
    if (object === null || object === undefined) {
      if (optional) return null;
      throw expressionError(source, `array index '${key}' cannot be selected from a value of type 'Null'`);
    }
    if (isObject(object)) return selectProperty(object, String(key), optional, source);
    throw expressionError(source, `array index '${key}' cannot be selected from a value of type '${typeName(object)}'`);
  }
  if ((key === null || key === undefined) && optional) return null;
  throw expressionError(source, `the indexer value is of type '${typeName(key)}'; only a string property name or an integer index can be selected`);
}

function compileMember(node: MemberNode, source: string): CompiledExpression {
  const object = compileNode(node.object, source);
  const { property, optional } = node;
  return (ctx) => {
    const value = object(ctx);
    if (isObject(value)) {
      const found = getProperty(value, property);
      if (found !== undefined) return found;
    }
    return selectProperty(value, property, optional, source);
  };
}

function compileIndex(node: IndexNode, source: string): CompiledExpression {
  const object = compileNode(node.object, source);
  const optional = node.optional;
  const index = node.index;
  if (index.kind === 'literal' && typeof index.value === 'string') {
    const name = index.value;
    const isPath = name.includes('/');
    // Fast path for the most common shape in flows: body('X')?['name'].
    return (ctx) => {
      const value = object(ctx);
      if (isObject(value)) {
        const found = getProperty(value, name);
        if (found !== undefined) return found;
        if (optional && !isPath) return null;
      }
      return selectProperty(value, name, optional, source);
    };
  }
  const key = compileNode(index, source);
  return (ctx) => selectKey(object(ctx), key(ctx), optional, source);
}
