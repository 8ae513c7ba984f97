import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure, type Case, type ErrorCase } from '../helpers.js';

export const mathCases: Case[] = [
  // doc examples
  ['add(1, 1.5)', 2.5],
  ['div(10, 5)', 2],
  ['div(11, 5)', 2],
  ['div(11, 5.0)', 2.2],
  ['div(11.0, 5)', 2.2],
  ['max(1, 2, 3)', 3],
  ['max(createArray(1, 2, 3))', 3],
  ['min(1, 2, 3)', 1],
  ['min(createArray(1, 2, 3))', 1],
  ['mod(3, 2)', 1],
  ['mod(-5, 2)', -1],
  ['mod(4, -3)', 1],
  ['mul(1, 2)', 2],
  ['mul(1.5, 2)', 3],
  ['range(1, 4)', [1, 2, 3, 4]],
  ['sub(10.3, .3)', 10],
  // edge cases
  ['div(7, 2)', 3],
  ['div(-7, 2)', -3],
  ['div(7, 2.0)', 3.5],
  ['div(add(1.5, 0.5), 4)', 0.5],
  ["div(11, float('5'))", 2.2],
  ['add(-1, 1)', 0],
  ['sub(1, 3)', -2],
  ['mul(-2, 2.5)', -5],
  ['mod(5.5, 2)', 1.5],
  ['max(-1, -2.5)', -1],
  ['min(createArray(4.5, 2))', 2],
  ['range(0, 0)', []],
  ['range(-2, 3)', [-2, -1, 0]],
  ['length(range(0, 100000))', 100000],
  ['and(greaterOrEquals(rand(1, 5), 1), less(rand(1, 5), 5))', true],
  ['rand(7, 8)', 7],
  ['add(1e3, 1)', 1001],
];

export const mathErrors: ErrorCase[] = [
  ['div(1, 0)', 'Attempted to divide by zero'],
  ['mod(1, 0)', 'Attempted to divide by zero'],
  ["add('1', 2)", 'expects its first parameter to be an integer or a decimal number'],
  ['sub(1, null)', "The provided value is of type 'Null'"],
  ['range(1, 100001)', 'between 0 and 100000'],
  ['rand(5, 5)', 'must be less than'],
  ['max(createArray())', 'must not be empty'],
  ["max(1, 'a')", 'a number'],
  ['add(1)', 'expects two parameters'],
];

describe('math functions', () => {
  it.each(mathCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(mathErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
