/** The lean JSON scan: duplicate keys, nesting limit, and positions of wanted paths, against jsonc-parser's. */
import { describe, expect, it } from 'vitest';
import { jsonLocator } from '../../../tools/diagnostics/index.js';
import { countKeys, quickScan, scanJson, scannedLocator } from '../../../tools/connector/validate/json-scan.js';

const text = `{
  "a": 1, "b": [true, {"c": "x\\"}y", "d": null}, -2.5e3],
  "e": {"f": {}, "g": [], "h": "\\u00e9"},
  "i": {"j": 1}}`;

describe('scanJson', () => {
  it.each([
    [['a']],
    [['b', 1, 'd']],
    [['b', 2]],
    [['e', 'h']],
    [['e', 'g']],
    [['i', 'j']],
    [['b', 1, 'missing']],
    [['zzz', 'deeper']],
    [[]],
  ])('locates %j where jsonc-parser does', (path) => {
    expect(scannedLocator(text, [path, ['i']])(path)).toEqual(jsonLocator(text)(path));
  });

  it('finds duplicate keys with their paths', () => {
    expect(scanJson('{"a": {"x": 1, "y": 2, "x": 3}, "a": 0}', { maxDepth: 10, findDuplicates: true }).duplicates.map((d) => d.path)).toEqual([['a', 'x'], ['a']]);
  });

  it('stops at the nesting limit', () => {
    expect(scanJson(`${'['.repeat(50)}${']'.repeat(50)}`, { maxDepth: 20, findDuplicates: true }).tooDeepAt).toBe(21);
  });
});

describe('quickScan', () => {
  it.each([
    ['{"a": 1, "b": {"c": [1, {"d": "x:"}]}}', 4],
    ['{"a": "\\"quoted\\": no", "b" : 2}', 2],
    ['{"a": 1, "a": 2}', 2],
  ])('counts the keys of %s', (text, keys) => {
    expect(quickScan(text, 10).keys).toBe(keys);
  });

  it('agrees with countKeys on the parsed value unless a key repeats', () => {
    const text = '{"a": {"x": 1, "y": [{"z": 1}]}, "b": 2}';
    expect(quickScan(text, 10).keys).toBe(countKeys(JSON.parse(text)));
    const repeated = '{"a": 1, "a": 2}';
    expect(quickScan(repeated, 10).keys).toBeGreaterThan(countKeys(JSON.parse(repeated)));
  });
});
