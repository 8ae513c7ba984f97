import { describe, expect, it } from 'vitest';
import { SHORT_STRING, ValueColumn } from '../../tools/engine/history/value-column.js';

/**
 * The history's value column copies short strings into a UTF-16 arena (no string objects for the
 * collector to copy); what comes back must equal what went in, whatever the value.
 */
describe('history value column', () => {
  const values: Array<[string, unknown]> = [
    ['empty string', ''],
    ['ASCII', 'last = 99999'],
    ['accents and CJK', 'Café 東京'],
    ['emoji (surrogate pair)', '👩‍💻 ok'],
    ['a lone surrogate', '\ud800x'],
    ['NUL and control characters', 'a\u0000b\u0007'],
    [`exactly ${SHORT_STRING} code units`, 'x'.repeat(SHORT_STRING)],
    [`${SHORT_STRING + 1} code units (kept as it is)`, 'y'.repeat(SHORT_STRING + 1)],
    ['a fraction', 42.5],
    ['an integer', 42],
    ['a negative integer', -7],
    ['-0', -0],
    ['the largest 32-bit integer', 2147483647],
    ['the smallest 32-bit integer', -2147483648],
    ['beyond 32 bits', 2147483648],
    ['a time in ms since 1970', 1_704_067_200_000],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { a: [1, 'two'] }],
    ['null', null],
    ['false', false],
  ];

  it.each(values)('%s comes back equal', (_name, value) => {
    const column = new ValueColumn();
    column.set(3, value);
    expect(column.get(3)).toEqual(value);
    expect(column.get(2)).toBeUndefined();
    expect(column.get(4)).toBeUndefined();
  });

  it('keeps 300k strings and values across arena and index chunks', () => {
    const column = new ValueColumn();
    const count = 300_000;
    const valueAt = (i: number): unknown => (i % 3 === 0 ? String(i) : i % 3 === 1 ? i : i % 7 === 0 ? 'z'.repeat(i % (SHORT_STRING + 10)) : i % 11 === 0 ? i + 0.5 : undefined);
    for (let i = 0; i < count; i++) {
      const value = valueAt(i);
      if (value !== undefined) column.set(i, value);
    }
    for (let i = 0; i < count; i += 1) expect(column.get(i)).toBe(valueAt(i));
  });

  it('a value stored again at the same index replaces the first, string or not', () => {
    const column = new ValueColumn();
    column.set(5, 'short');
    column.set(5, { now: 'object' });
    expect(column.get(5)).toEqual({ now: 'object' });
    column.set(5, 'short again');
    expect(column.get(5)).toBe('short again');
    column.set(5, 12);
    expect(column.get(5)).toBe(12);
    column.set(5, [12]);
    expect(column.get(5)).toEqual([12]);
  });
});
