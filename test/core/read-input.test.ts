import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonText, parseYamlText, readTextFile } from '../../tools/core/read-input.js';
import { writeFileAtomic } from '../../tools/core/atomic-write.js';
import { InputError } from '../../tools/core/errors.js';
import { stableStringify } from '../../tools/core/stable-json.js';
import { componentGuid } from '../../tools/core/ids.js';

const dir = mkdtempSync(join(tmpdir(), 'ppkit-core-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('JSON input', () => {
  it.each([
    ['{\n  "a": 1,\n  "b": \n}', 4, /not valid JSON/],
    ['', 1, /empty/],
    ['{"a": [1, 2', undefined, /not valid JSON/],
  ])('%j gives a located error', (text, line, message) => {
    const error = errorOf(() => parseJsonText(text, 'x.json'));
    expect(error.format()).toMatch(message);
    expect(error.location.file).toBe('x.json');
    if (line !== undefined) expect(error.location.line).toBe(line);
  });

  it('drops prototype-polluting keys', () => {
    const value = parseJsonText('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"p": 1}}, "ok": 1}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses files over the size limit and folders', () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, 'x'.repeat(2000));
    expect(errorOf(() => readTextFile(file, 1000)).message).toMatch(/more than the 1000 bytes/);
    expect(errorOf(() => readTextFile(dir)).message).toMatch(/expected a file/);
    expect(errorOf(() => readTextFile(join(dir, 'missing.json'))).message).toMatch(/not found/);
  });
});

describe('YAML input', () => {
  it('locates paths and reports syntax errors with a line', () => {
    const source = parseYamlText('a:\n  b: [1, 2]\n  c: x\n');
    expect(source.value).toEqual({ a: { b: [1, 2], c: 'x' } });
    expect(source.locate(['a', 'c'])).toEqual({ line: 3, column: 3 });
    const error = errorOf(() => parseYamlText('a: 1\na: 2\n', 'dup.yaml'));
    expect(error.format()).toMatch(/^dup\.yaml:2:\d+: not valid YAML/);
  });

  it('refuses a billion-laughs alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    expect(() => parseYamlText(bomb.join('\n'))).toThrow(InputError);
  });
});

describe('outputs', () => {
  it('writes atomically, leaving no temp file', () => {
    const file = join(dir, 'out', 'a.json');
    writeFileAtomic(file, stableStringify({ b: 1, a: [1] }, { sortKeys: true }));
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['a.json']);
  });

  it('derives stable component GUIDs', () => {
    expect(componentGuid('workflow', 'x')).toBe(componentGuid('workflow', 'x'));
    expect(componentGuid('workflow', 'x')).not.toBe(componentGuid('workflow', 'y'));
    expect(componentGuid('workflow', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
