import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure, type Case, type ErrorCase } from '../helpers.js';

export const logicalCases: Case[] = [
  // doc examples
  ['and(true, true)', true],
  ['and(false, true)', false],
  ['and(false, false)', false],
  ['and(equals(1, 1), equals(2, 2))', true],
  ['and(equals(1, 1), equals(1, 2))', false],
  ['and(equals(1, 2), equals(1, 3))', false],
  ['equals(true, 1)', true],
  ["equals('abc', 'abcd')", false],
  ['greater(10, 5)', true],
  ["greater('apple', 'banana')", false],
  ['greaterOrEquals(5, 5)', true],
  ["greaterOrEquals('apple', 'banana')", false],
  ["if(equals(1, 1), 'yes', 'no')", 'yes'],
  ['less(5, 10)', true],
  ["less('banana', 'apple')", false],
  ['lessOrEquals(10, 10)', true],
  ["lessOrEquals('apply', 'apple')", false],
  ['not(false)', true],
  ['not(true)', false],
  ['not(equals(1, 2))', true],
  ['not(equals(1, 1))', false],
  ['or(true, false)', true],
  ['or(false, false)', false],
  ['or(equals(1, 1), equals(1, 2))', true],
  ['or(equals(1, 2), equals(1, 3))', false],
  // edge cases
  ["if(equals(1, 2), 'yes', 'no')", 'no'],
  // Only the chosen branch runs: the other would fail.
  ["if(true, 'ok', substring('a', 5))", 'ok'],
  ["if(false, first(createArray(1, 2)), 'fallback')", 'fallback'],
  // and/or stop early.
  ["and(false, greater('a', 1))", false],
  ["or(true, greater('a', 1))", true],
  ['equals(1, 1.0)', true],
  ["equals(json('{\"a\":[1,{\"b\":2}]}'), json('{\"a\":[1,{\"b\":2}]}'))", true],
  ["equals(json('{\"a\":1,\"b\":2}'), json('{\"b\":2,\"a\":1}'))", true],
  ["equals(json('{\"a\":1}'), json('{\"a\":1,\"b\":null}'))", false],
  ['equals(createArray(1, 2), createArray(2, 1))', false],
  ["equals(null, '')", true],
  ["equals(parameters('nothing'), '')", true],
  ["equals('1', 1)", false],
  ["equals('Abc', 'abc')", false],
  ['equals(false, 0)', true],
  ['greater(2.5, 2)', true],
  ["greater('b', 'B')", true],
  ["less(null, 'a')", true],
  ['lessOrEquals(-1, -1.0)', true],
  ["equals(variables('isTrue'), true)", true],
];

export const logicalErrors: ErrorCase[] = [
  ["if('true', 1, 2)", "expects its first parameter to be of type boolean. The provided value is of type 'String'"],
  ["not('false')", 'of type boolean'],
  ['and(true, 1)', 'of type boolean'],
  ["greater(1, 'a')", 'both numbers or both strings'],
  ['less(createArray(), 1)', 'both numbers or both strings'],
  ['equals(1)', 'expects two parameters'],
  ["if(true, 'a')", 'expects three parameters'],
];

describe('logical comparison functions', () => {
  it.each(logicalCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(logicalErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
