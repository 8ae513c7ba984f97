import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { stringCases, stringErrors } from './string.cases.js';

describe('string functions', () => {
  it.each(stringCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(stringErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
