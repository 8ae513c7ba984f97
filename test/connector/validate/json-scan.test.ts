/** The lean JSON scan: duplicate keys, nesting limit, and positions of wanted paths, against jsonc-parser's. */
import { describe, expect, it } from 'vitest';
import { jsonLocator } from '../../../tools/diagnostics/index.js';
import { scanJson, scannedLocator } from '../../../tools/connector/validate/json-scan.js';

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
