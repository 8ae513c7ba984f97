import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { uriCases, uriErrors } from './uri.cases.js';

describe('URI parsing functions', () => {
  it.each(uriCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(uriErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
