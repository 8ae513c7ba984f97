import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { mathCases, mathErrors } from './math.cases.js';

describe('math functions', () => {
  it.each(mathCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(mathErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
