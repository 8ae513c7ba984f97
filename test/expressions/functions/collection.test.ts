import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure, type Case, type ErrorCase } from '../helpers.js';

export const collectionCases: Case[] = [
  // doc examples
  ['chunk(createArray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 5)', [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12]]],
  ["contains('hello world', 'world')", true],
  ["contains('hello world', 'universe')", false],
  ["empty('')", true],
  ["empty('abc')", false],
  ["first('hello')", 'h'],
  ['first(createArray(0, 1, 2))', 0],
  ['intersection(createArray(1, 2, 3), createArray(101, 2, 1, 10), createArray(6, 8, 1, 2))', [1, 2]],
  ["join(createArray('a', 'b', 'c'), '.')", 'a.b.c'],
  ["last('abcd')", 'd'],
  ['last(createArray(0, 1, 2, 3))', 3],
  ["length('abcd')", 4],
  ['length(createArray(0, 1, 2, 3))', 4],
  ['reverse(createArray(0, 1, 2, 3))', [3, 2, 1, 0]],
  ['skip(createArray(0, 1, 2, 3), 1)', [1, 2, 3]],
  ['sort(createArray(2, 1, 0, 3))', [0, 1, 2, 3]],
  [
    "sort(createArray(json('{ \"first\": \"Amalie\", \"last\": \"Rose\" }'), json('{ \"first\": \"Elise\", \"last\": \"Renee\" }')), 'last')",
    [{ first: 'Elise', last: 'Renee' }, { first: 'Amalie', last: 'Rose' }],
  ],
  ["take('abcde', 3)", 'abc'],
  ['take(createArray(0, 1, 2, 3, 4), 3)', [0, 1, 2]],
  ['union(createArray(1, 2, 3), createArray(1, 2, 10, 101))', [1, 2, 3, 10, 101]],
  // edge cases
  ["contains(createArray('a', 'b'), 'b')", true],
  ["contains(createArray(json('{\"a\":1}')), json('{\"a\":1}'))", true],
  ["contains(createArray(1, 2), '1')", false],
  ["contains(json('{\"name\":1}'), 'name')", true],
  ["contains(json('{\"name\":1}'), 'other')", false],
  ["contains('Hello', 'hello')", false],
  ['empty(null)', true],
  ['empty(createArray())', true],
  ["empty(json('{}'))", true],
  ["empty(json('{\"a\":null}'))", false],
  ["first('')", ''],
  ['first(skip(createArray(1), 1))', null],
  ['last(skip(createArray(1), 1))', null],
  ["join(createArray(1, null, true), '-')", '1--True'],
  ["join(createArray(), ',')", ''],
  ['length(variables(\'list\'))', 3],
  ['skip(createArray(1, 2), 5)', []],
  ["skip('abc', 1)", 'bc'],
  ['take(createArray(1, 2), 5)', [1, 2]],
  ["sort(createArray('b', 'a', 'C'))", ['C', 'a', 'b']],
  ['sort(createArray(2.5, 1, -3))', [-3, 1, 2.5]],
  ["union(json('{\"a\":1,\"b\":2}'), json('{\"b\":3,\"c\":4}'))", { a: 1, b: 3, c: 4 }],
  ["intersection(json('{\"a\":1,\"b\":2}'), json('{\"a\":1,\"b\":3}'))", { a: 1 }],
  ['union(createArray(1, 1), createArray(1))', [1]],
  ['intersection(createArray(1, 1, 2), createArray(1))', [1]],
  ['reverse(createArray())', []],
  ['chunk(createArray(), 2)', []],
];

export const collectionErrors: ErrorCase[] = [
  ['length(null)', "expects its parameter to be an array or a string. The provided value is of type 'Null'"],
  ["length(json('{\"a\":1}'))", "The provided value is of type 'Object'"],
  ['first(5)', 'an array or a string'],
  ['empty(5)', "of type 'Integer'"],
  ["union(createArray(1), json('{}'))", 'all arrays or all objects'],
  ["sort(createArray(1, 'a'))", 'cannot be compared'],
  ['skip(createArray(1), -1)', 'non-negative'],
  ["join('abc', ',')", 'expects its first parameter to be an array'],
  ["contains(5, 'a')", 'a string, an array or an object'],
  ['union(createArray(1))', 'expects at least two parameters'],
];

describe('collection functions', () => {
  it.each(collectionCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(collectionErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
