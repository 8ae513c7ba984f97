/** `ppkit connector validate` options: formats, rulesets, fail severity, many paths, report file. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';
import { CORPUS, FIXTURES } from './rule-harness.js';

let root: string;
const clean = join(FIXTURES, 'clean');
const tribal = join(CORPUS, 'certified-connectors', 'Tribal');

/** The clean connector with one warning (a parameter without x-ms-summary) and one certification error (no contact). */
function flawed(): string {
  const dir = join(root, 'flawed');
  mkdirSync(dir, { recursive: true });
  const swagger = JSON.parse(readFileSync(join(clean, 'apiDefinition.swagger.json'), 'utf8'));
  delete swagger.paths['/projects/{projectId}/tasks'].get.parameters[1]['x-ms-summary'];
  delete swagger.info.contact;
  writeFileSync(join(dir, 'apiDefinition.swagger.json'), JSON.stringify(swagger, null, 2));
  writeFileSync(join(dir, 'apiProperties.json'), readFileSync(join(clean, 'apiProperties.json')));
  writeFileSync(join(dir, 'icon.png'), readFileSync(join(clean, 'icon.png')));
  return dir;
}

function ruleset(name: string, text: string): string {
  const file = join(root, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ppkit-validate-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ppkit connector validate', () => {
  it('prints one line per finding: file:line:col  severity  rule-id  message', async () => {
    const run = await runInProcess(['connector', 'validate', flawed()]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('apiDefinition'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\S.*apiDefinition\.swagger\.json:\d+:\d+  (error|warning)  [a-z-]+  \S/);
    expect(run.stdout).toMatch(/2 problems \(1 error, 1 warning\)\n1 connector checked \(2 files\)\n$/);
  });

  it.each([
    ['default: errors fail', [], 1],
    ['--fail-severity warning', ['--fail-severity', 'warning'], 1],
    ['custom-connector preset, warnings do not fail', ['--ruleset', 'custom'], 0],
    ['custom-connector preset and --fail-severity warning', ['--ruleset', 'custom', '--fail-severity', 'warning'], 1],
  ])('exit code: %s', async (_name, options, status) => {
    const args = options.map((o) => (o === 'custom' ? ruleset('custom.yaml', 'extends: custom-connector\n') : o));
    expect((await runInProcess(['connector', 'validate', ...args, flawed()])).status).toBe(status);
  });

  it('--format json: diagnostics with pointer, line, docs and a summary', async () => {
    const run = await runInProcess(['connector', 'validate', '--format', 'json', flawed()]);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; pointer: string; line: number; docsUrl: string }[]; summary: { error: number; warning: number } };
    expect(report.summary).toMatchObject({ error: 1, warning: 1 });
    expect(report.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['info-contact', '/info'],
      ['parameter-summary', '/paths/~1projects~1{projectId}~1tasks/get/parameters/1'],
    ]);
    for (const d of report.diagnostics) expect(d.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it.each([
    ['turns a rule off', 'rules:\n  parameter-summary: off\n', ['info-contact']],
    ['changes a severity', 'rules:\n  info-contact: warning\n  parameter-summary: error\n', ['info-contact:warning', 'parameter-summary:error']],
    ['extends the custom-connector preset', 'extends: ppkit:custom-connector\n', ['parameter-summary']],
    ['accepts ESLint-style numbers', 'rules:\n  info-contact: 0\n  parameter-summary: 2\n', ['parameter-summary:error']],
  ])('--ruleset %s', async (_name, text, expected) => {
    const run = await runInProcess(['connector', 'validate', '--format', 'json', '--ruleset', ruleset('r.yaml', text), flawed()]);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string }[] };
    const shown = report.diagnostics.map((d) => (expected.some((e) => e.includes(':')) ? `${d.code}:${d.severity}` : d.code));
    expect(shown).toEqual(expected);
  });

  it.each([
    ['an unknown rule', 'rules:\n  info-contacts: off\n', /r\.yaml:2:3: ruleset: unknown rule "info-contacts" \(did you mean "info-contact"\?\)/],
    ['a bad severity', 'rules:\n  info-contact: fatal\n', /r\.yaml:2:3: ruleset: rule "info-contact": expected off, error, warning, info or hint, got "fatal"/],
    ['an unknown preset', 'extends: strict\n', /r\.yaml:1:1: ruleset: unknown preset "strict"/],
    ['an unknown key', 'rule:\n  x: off\n', /r\.yaml:1:1: ruleset: unknown key "rule"/],
    ['not YAML', 'rules: [\n', /r\.yaml:\d+:\d+: not valid YAML/],
  ])('--ruleset with %s is a usage error naming the line', async (_name, text, message) => {
    const run = await runInProcess(['connector', 'validate', '--ruleset', ruleset('r.yaml', text), clean]);
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(/not valid YAML/.test(String(message)) ? 1 : 2);
  });

  it('takes many paths in one run: connector folders, swagger files and folders of connectors', async () => {
    const run = await runInProcess(['connector', 'validate', '--format', 'json', clean, join(tribal, 'apiDefinition.swagger.json'), join(CORPUS, 'independent-publisher-connectors')]);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string }[] };
    const folders = new Set(report.diagnostics.map((d) => d.file.split(/[\\/]/).slice(-2, -1)[0]));
    expect(folders.has('Tribal')).toBe(true);
    expect(folders.has('AfterShip')).toBe(true);
    expect(folders.has('clean')).toBe(false);
    const text = await runInProcess(['connector', 'validate', clean, tribal, join(CORPUS, 'independent-publisher-connectors')]);
    expect(text.stdout).toMatch(/14 connectors checked/);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const out = join(root, 'report.sarif');
    const run = await runInProcess(['connector', 'validate', '--format', 'sarif', '--output', out, tribal]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
    expect(run.status).toBe(1);
  });

  it('--list-rules lists every rule with its docs page', async () => {
    const run = await runInProcess(['connector', 'validate', '--list-rules', '--format', 'json']);
    const list = (JSON.parse(run.stdout) as { rules: { id: string; severity: string; docsUrl: string }[] }).rules;
    expect(list.length).toBeGreaterThan(50);
    expect(list.find((r) => r.id === 'operation-id-unique')).toMatchObject({ severity: 'error', docsUrl: expect.stringMatching(/certification-swagger-validator-rules/) });
    expect(run.status).toBe(0);
    expect((await runInProcess(['connector', 'validate', '--list-rules'])).stdout).toMatch(/^json-strict\s+error\s+Files are strict UTF-8 JSON/);
  });

  it('--help shows examples', async () => {
    const run = await runInProcess(['connector', 'validate', '--help']);
    expect(run.stdout).toMatch(/Examples:\n\s+\$ ppkit connector validate/);
  });
});
