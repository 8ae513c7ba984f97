import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { logicalCases, logicalErrors } from './logical.cases.js';

describe('logical comparison functions', () => {
  it.each(logicalCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(logicalErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
