import { describe, expect, it } from 'vitest';
import { compileExpression, createMemoryContext, evaluateExpression, WorkflowExpressionError, checkArity, lookupFunction } from '../../tools/expressions/index.js';
import { evaluate, expectFailure, type Case, type ErrorCase } from './helpers.js';

const ctx = createMemoryContext({
  variables: {
    record: { Name: 'exact', name: 'lower', 'body/value': 'literal slash key', nested: { Value: [10, 20] }, nothing: null },
    list: ['a', 'b'],
  },
});
const run = (expression: string) => evaluateExpression(expression, ctx);

const accessCases: Case[] = [
  ["variables('record')['Name']", 'exact'],
  ["variables('record')['name']", 'lower'],
  // No exact match: the first property that matches ignoring case (Logic Apps shares ARM's lookup).
  ["variables('record')['NAME']", 'exact'],
  ["variables('record').nested.value[1]", 20],
  ["variables('record')?['missing']", null],
  ["variables('record')?.missing", null],
  ["variables('record')?['missing']?['deeper']", null],
  ["variables('record')['nothing']", null],
  ["variables('record')['body/value']", 'literal slash key'],
  ["variables('record')?['nested/Value']", [10, 20]],
  ["variables('record')?['missing/value']", null],
  ["variables('list')[1]", 'b'],
  ["variables('list')[add(0, 1)]", 'b'],
  ["json('{\"1\":\"one\"}')[1]", 'one'],
  ["variables('record')?[null]", null],
  ["CONCAT('a', ToLower('B'))", 'ab'],
];

const accessErrors: ErrorCase[] = [
  ["variables('record')['missing']", "cannot be evaluated because property 'missing' doesn't exist, available properties are 'Name, name, body/value, nested, nothing'"],
  ["variables('record')?['missing']['deeper']", "property 'deeper' cannot be selected. Property selection is not supported on values of type 'Null'"],
  ["variables('record').nothing.x", "values of type 'Null'"],
  ["variables('list')['a']", 'Array elements can only be selected using an integer index'],
  ["variables('record')?['nested/value/1']", 'Array elements can only be selected using an integer index'],
  ["variables('list')[5]", "array index '5' is outside bounds (0, 1) of array"],
  ["variables('list')[-1]", "array index '-1' is outside bounds"],
  ["variables('list')?[5]", "array index '5' is outside bounds (0, 1) of array"],
  ["skip(variables('list'), 2)?[0]", "array index '0' is outside bounds (0, -1) of array"],
  ["'text'.length", "Property selection is not supported on values of type 'String'"],
  ["variables('record')[true]", "the indexer value is of type 'Boolean'"],
  ["variables('record')['constructor']", "property 'constructor' doesn't exist"],
  ["variables('record')['__proto__']", "property '__proto__' doesn't exist"],
];

describe('property and index access', () => {
  it.each(accessCases)('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });
  it.each(accessErrors)('%s fails', (expression, fragment) => {
    let error: unknown;
    try {
      run(expression);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WorkflowExpressionError);
    expect((error as Error).message).toContain(fragment);
    expect((error as Error).message).toContain(`The template language expression '${expression}'`);
  });
  it('function names are case-insensitive', () => {
    expect(run("length(UTCNOW('yyyy'))")).toBe(4);
  });
});

describe('compilation', () => {
  it('compiles an expression text once and reuses it', () => {
    const text = "concat(variables('list')[0], 'x')";
    const compiled = compileExpression(text);
    expect(compileExpression(text)).toBe(compiled);
    expect(compiled(ctx)).toBe('ax');
    expect(compiled(createMemoryContext({ variables: { list: ['z'] } }))).toBe('zx');
  });

  it.each([
    ['nosuchfunction(1)', "The template function 'nosuchfunction' is not defined or not valid"],
    ["concat('a', nosuch())", "The template function 'nosuch' is not defined"],
    ['utcNow(1, 2)', "The template language function 'utcNow' expects up to one parameter, but was called with two parameters"],
    ["substring('a')", 'expects between two and three parameters, but was called with one parameter'],
    ['and()', 'expects at least one parameter'],
  ])('%s fails when compiled, before any evaluation', (text, message) => {
    expect(() => compileExpression(text)).toThrow(message);
  });

  it('errors name the function that failed', () => {
    expectFailure("int('x')", 'The value cannot be converted', 'int');
    expectFailure("concat('a', substring('abc', 5))", 'out of range', 'substring');
    expectFailure("addDays('x', 1)", 'ISO 8601', 'addDays');
  });

  it('arity is checkable without evaluating (for the linter)', () => {
    const descriptor = lookupFunction('formatDateTime')!;
    expect([descriptor.minArgs, descriptor.maxArgs]).toEqual([1, 3]);
    expect(() => checkArity(descriptor, 4)).toThrow('expects between one and three parameters');
    expect(lookupFunction('if')!.lazy).toBe(true);
    expect(lookupFunction('concat')!.maxArgs).toBe(Infinity);
  });

  it('evaluates the scope fixture', () => {
    expect(evaluate("concat(parameters('fullName'), '-', variables('numItems'))")).toBe('Sophia Owen-20');
  });
});
