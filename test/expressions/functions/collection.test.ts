import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { collectionCases, collectionErrors } from './collection.cases.js';

describe('collection functions', () => {
  it.each(collectionCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(collectionErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
