import { describe, expect, it } from 'vitest';
import { createMemoryContext, evaluateExpression } from '../../../tools/expressions/index.js';
import { evaluate, expectFailure } from '../helpers.js';
import { workflowCases, workflowErrors } from './workflow.cases.js';

describe('workflow functions', () => {
  it.each(workflowCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(workflowErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
  it('item() is the innermost loop item unless the context names one', () => {
    expect(evaluateExpression('item()', createMemoryContext({ items: { Outer: 1, Inner: 2 } }))).toBe(2);
    expect(evaluateExpression('item()', createMemoryContext({ items: { Outer: 1 }, item: 'selected' }))).toBe('selected');
  });
  it('workflow() has a default shape and trigger() fails without a trigger', () => {
    const ctx = createMemoryContext({});
    expect(evaluateExpression('workflow().type', ctx)).toBe('Microsoft.Logic/workflows');
    expect(() => evaluateExpression('triggerBody()', ctx)).toThrow('has no trigger record');
    expect(() => evaluateExpression('listCallbackUrl()', ctx)).toThrow("'Request' (HTTP) trigger");
  });
  it('action() fails outside an action that refers to itself', () => {
    expect(() => evaluateExpression('action()', createMemoryContext({}))).toThrow('can only be used where an action refers to itself');
  });
});
