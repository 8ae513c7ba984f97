import { describe, expect, it } from 'vitest';
import {
  exitCodeFor,
  formatDiagnostics,
  fromPointer,
  jsonLocator,
  locateDiagnostics,
  toPointer,
  yamlLocator,
  type Diagnostic,
} from '../../tools/diagnostics/index.js';

const tool = { name: 'ppkit', version: '0.1.0' };

const swaggerText = `{
  "swagger": "2.0",
  "paths": {
    "/a/b": {
      "get": { "operationId": "X" }
    }
  }
}
`;

describe('locating diagnostics', () => {
  it.each([
    [['paths', '/a/b', 'get', 'operationId'], '/paths/~1a~1b/get/operationId', 5, 16],
    [['paths', '/a/b'], '/paths/~1a~1b', 4, 5],
    // A path past the tree resolves to its deepest existing node (the object that lacks the key).
    [['paths', '/a/b', 'get', 'summary'], '/paths/~1a~1b/get/summary', 5, 7],
  ])('JSON path %j -> %s at %i:%i', (path, pointer, line, column) => {
    const [located] = locateDiagnostics([{ code: 'x', severity: 'error', message: 'm', path }], jsonLocator(swaggerText));
    expect(located).toMatchObject({ pointer, line, column });
  });

  it('locates YAML paths', () => {
    const text = 'name: a\noperations:\n  - id: One\n  - id: Two\n';
    const [located] = locateDiagnostics([{ code: 'x', severity: 'error', message: 'm', path: ['operations', 1, 'id'] }], yamlLocator(text));
    expect(located).toMatchObject({ pointer: '/operations/1/id', line: 4, column: 5 });
  });

  it.each([
    [[], ''],
    [['a/b', 'c~d', 0], '/a~1b/c~0d/0'],
  ])('pointer round trip %j', (path, pointer) => {
    expect(toPointer(path)).toBe(pointer);
    expect(fromPointer(pointer)).toEqual(path.map(String));
  });
});

describe('reporters', () => {
  const diagnostics: Diagnostic[] = [
    { code: 'b-rule', severity: 'warning', message: 'second', file: 'c.json', line: 9, column: 2, pointer: '/x' },
    { code: 'a-rule', severity: 'error', message: 'first', file: 'c.json', line: 3, column: 1, docsUrl: 'https://learn.microsoft.com/x' },
  ];

  it('text groups per file, sorted by position, with a summary', () => {
    const text = formatDiagnostics(diagnostics, 'text', { tool, color: false });
    expect(text).toBe(
      'c.json\n  3:1      error    a-rule  first\n  9:2      warning  b-rule  second  (/x)\n\n2 problems (1 error, 1 warning)\n',
    );
  });

  it('json carries every field and the summary', () => {
    const parsed = JSON.parse(formatDiagnostics(diagnostics, 'json', { tool }));
    expect(parsed.summary).toEqual({ error: 1, warning: 1, info: 0, hint: 0 });
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'a-rule', line: 3 });
  });

  it('sarif has one run with rules and located results', () => {
    const sarif = JSON.parse(formatDiagnostics(diagnostics, 'sarif', { tool }));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['a-rule', 'b-rule']);
    expect(run.tool.driver.rules[0].helpUri).toBe('https://learn.microsoft.com/x');
    expect(run.results[0]).toMatchObject({ ruleId: 'a-rule', ruleIndex: 0, level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'c.json' }, region: { startLine: 3, startColumn: 1 } } }] });
    expect(run.results[1].locations[0].logicalLocations[0].fullyQualifiedName).toBe('/x');
  });

  it.each([
    ['error', 1],
    ['warning', 1],
  ] as const)('exit code with fail severity %s', (failSeverity, code) => {
    expect(exitCodeFor(diagnostics, failSeverity)).toBe(code);
  });

  it('exit 0 when only findings below the fail severity', () => {
    expect(exitCodeFor([diagnostics[0]!], 'error')).toBe(0);
  });
});
