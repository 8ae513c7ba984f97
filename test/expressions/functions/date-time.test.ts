import { describe, expect, it } from 'vitest';
import { createMemoryContext, evaluateExpression } from '../../../tools/expressions/index.js';
import { evaluate, expectFailure } from '../helpers.js';
import { dateTimeCases, dateTimeErrors } from './date-time.cases.js';

describe('date and time functions', () => {
  it.each(dateTimeCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(dateTimeErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
  it("reads the clock from the context ('now'), so getPastTime is deterministic", () => {
    const ctx = createMemoryContext({ now: '2018-02-01T00:00:00.0000000Z' });
    expect(evaluateExpression("getPastTime(5, 'Day')", ctx)).toBe('2018-01-27T00:00:00.0000000Z');
    expect(evaluateExpression("getPastTime(5, 'Day', 'D')", ctx)).toBe('Saturday, January 27, 2018');
  });
});
