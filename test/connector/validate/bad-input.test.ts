/**
 * Bad input, run as a user runs the CLI: each case ends with one clear finding or error line
 * naming the file (and line:col where there is one), exit 1 (2 for usage), no stack trace, no hang.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPpkit } from '../../helpers/cli.js';
import { runInProcess } from './cli-harness.js';
import { FIXTURES } from './rule-harness.js';

let root: string;
const clean = readFileSync(join(FIXTURES, 'clean', 'apiDefinition.swagger.json'), 'utf8');
const properties = readFileSync(join(FIXTURES, 'clean', 'apiProperties.json'), 'utf8');

function connector(name: string, swagger: string | Buffer, withProperties = true): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'apiDefinition.swagger.json'), swagger);
  if (withProperties) writeFileSync(join(dir, 'apiProperties.json'), properties);
  writeFileSync(join(dir, 'icon.png'), readFileSync(join(FIXTURES, 'clean', 'icon.png')));
  return dir;
}

function refCycle(length: number): string {
  const swagger = JSON.parse(clean) as { definitions: Record<string, unknown> };
  for (let i = 0; i < length; i++) swagger.definitions[`D${i}`] = { $ref: `#/definitions/D${(i + 1) % length}` };
  (swagger.definitions.Task as { properties: Record<string, unknown> }).properties.loop = { $ref: '#/definitions/D0' };
  return JSON.stringify(swagger);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ppkit-validate-bad-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('connector validate: bad input', () => {
  it.each([
    ['not JSON', () => connector('not-json', 'this is not json'), 'json-parse', /apiDefinition\.swagger\.json:1:1  error  json-parse  not valid JSON/],
    ['XML', () => connector('xml', '<?xml version="1.0"?><swagger/>'), 'json-parse', /json-parse  not JSON: the file starts with "<"/],
    ['truncated', () => connector('truncated', clean.slice(0, Math.floor(clean.length / 2))), 'json-parse', /json-parse  not valid JSON: file ends early \(truncated\?\)/],
    ['empty', () => connector('empty', ''), 'json-parse', /json-parse  file is empty/],
    ['an array, not an object', () => connector('array', '[1,2]'), 'json-parse', /expected a JSON object at the top level, found array/],
    ['nesting 100,000 deep', () => connector('deep', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 'json-parse', /json-parse  (nesting deeper than|not valid JSON: nesting)/],
    ['trailing comma', () => connector('trailing', clean.replace('"schemes": ["https"],', '"schemes": ["https",],')), 'json-strict', /:\d+:\d+  error  json-strict  not strict JSON/],
    ['Latin-1 bytes', () => connector('latin1', Buffer.from(clean.replace('Contoso Tasks keeps', 'Contoso T\u00e2ches keeps'), 'latin1')), 'json-strict', /json-strict  file is not UTF-8/],
    ['missing apiProperties.json', () => connector('no-properties', clean, false), 'api-properties-missing', /no-properties\/apiProperties\.json  error  api-properties-missing/],
    ['a $ref cycle 2,000 long', () => connector('cycle', refCycle(2000)), 'ref-valid', /ref-valid  \$ref "#\/definitions\/D\d+" is part of a reference cycle/],
  ])('%s', async (_name, make, code, line) => {
    const run = await runInProcess(['connector', 'validate', make()]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(line);
    expect(run.stdout).toContain(`  ${code}  `);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |internal error/);
  });

  it('a folder with apiProperties.json but a misnamed swagger names the file to rename', async () => {
    const dir = join(root, 'misnamed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'apiDefination.swagger.json'), clean);
    writeFileSync(join(dir, 'apiProperties.json'), properties);
    const run = await runInProcess(['connector', 'validate', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/misnamed  error  swagger-missing  connector folder has apiProperties\.json but no apiDefinition\.swagger\.json \(found apiDefination\.swagger\.json: rename/);
  });

  it('a BOM is tolerated, as paconn reads utf-8-sig', async () => {
    const run = await runInProcess(['connector', 'validate', connector('bom', `\uFEFF${clean}`)]);
    expect(run.stdout).toContain('no problems found');
    expect(run.status).toBe(0);
  });

  it('a 50 MB file is refused from its size, quickly and in one line', async () => {
    const dir = connector('huge', '');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('{"swagger":"2.0","x":"', 0);
    big.write('"}', big.length - 2);
    writeFileSync(join(dir, 'apiDefinition.swagger.json'), big);
    const run = await runInProcess(['connector', 'validate', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/apiDefinition\.swagger\.json  error  file-too-large  file is 52428800 bytes, more than the 16777216 bytes/);
  });

  it.each([
    ['a folder that is not a connector', () => [join(root, 'empty-folder')], 1, /ppkit: .*empty-folder: not a connector: no apiDefinition\.swagger\.json in this folder or below it/],
    ['a path that does not exist', () => [join(root, 'nope')], 1, /ppkit: .*nope: no such file or folder/],
    ['a file that is not .json', () => [join(root, 'notes.txt')], 1, /expected a connector folder or a swagger \.json file/],
    ['no path at all', () => [], 2, /missing required argument 'paths': name connector folders or swagger files/],
    ['an unknown format', () => ['--format', 'xml', join(root, 'nope')], 2, /argument 'xml' is invalid/],
  ])('%s', async (_name, args, status, message) => {
    mkdirSync(join(root, 'empty-folder'), { recursive: true });
    writeFileSync(join(root, 'notes.txt'), 'hello');
    const run = await runInProcess(['connector', 'validate', ...args()]);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with')).length).toBe(1);
  });

  it('a folder that is not a connector, run as a separate process: one line on stderr, exit 1', () => {
    mkdirSync(join(root, 'plain-folder', 'sub'), { recursive: true });
    const run = runPpkit(['connector', 'validate', join(root, 'plain-folder')]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('not a connector');
    expect(run.stdout).toBe('');
  }, 60_000);
});
