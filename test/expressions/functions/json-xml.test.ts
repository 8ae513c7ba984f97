import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure } from '../helpers.js';
import { jsonXmlCases, jsonXmlErrors } from './json-xml.cases.js';

describe('JSON and XML manipulation functions', () => {
  it.each(jsonXmlCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(jsonXmlErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
