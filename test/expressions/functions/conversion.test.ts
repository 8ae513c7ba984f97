import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { conversionCases, conversionErrors } from './conversion.cases.js';

describe('conversion functions', () => {
  it.each(conversionCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(conversionErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
