/**
 * `ppkit connector diff`: each kind of change, table-driven on the clean fixture connector (old)
 * and a copy with one change (new), through the real diff engine; plus the CLI as users run it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffConnectors } from '../../../tools/connector/diff/index.js';
import { runPpkit } from '../../helpers/cli.js';
import { runInProcess } from '../validate/cli-harness.js';
import { cleanConnector, CORPUS, FIXTURES, type Json } from '../validate/rule-harness.js';

let root: string;
let counter = 0;
const OLD = join(FIXTURES, 'clean', 'apiDefinition.swagger.json');
const P = '/paths/~1projects~1{projectId}~1tasks';

function newVersion(mutate: (swagger: Json) => void, mutateProperties?: (properties: Json) => void): string {
  const { swagger, properties } = cleanConnector();
  mutate(swagger);
  const dir = join(root, `v${counter++}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'apiDefinition.swagger.json');
  writeFileSync(file, JSON.stringify(swagger, null, 2));
  mutateProperties?.(properties);
  writeFileSync(join(dir, 'apiProperties.json'), JSON.stringify(properties, null, 2));
  return file;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ppkit-diff-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Case = [name: string, mutate: (s: Json) => void, expected: [code: string, side: 'old' | 'new', pointer: string][]];
const tasks = (s: Json, method = 'get'): Json => s.paths['/projects/{projectId}/tasks'][method];

const cases: Case[] = [
  ['an operation deleted', (s) => void delete s.paths['/projects/{projectId}/tasks'].post, [['operation-removed', 'old', `${P}/post`]]],
  ['a query parameter removed', (s) => void tasks(s).parameters.splice(1, 1), [['parameter-removed', 'old', `${P}/get/parameters/1`]]],
  ['a body property removed', (s) => void delete s.definitions.NewTask.properties.title, [['parameter-removed', 'old', '/definitions/NewTask/properties/title']]],
  ['a parameter made required', (s) => void (delete tasks(s).parameters[1].default, (tasks(s).parameters[1].required = true)), [['parameter-required', 'new', `${P}/get/parameters/1/required`]]],
  ['a new required parameter without default', (s) => void tasks(s).parameters.push({ name: 'owner', in: 'query', required: true, type: 'string', 'x-ms-summary': 'Owner' }), [['parameter-required', 'new', `${P}/get/parameters/2`]]],
  ['a body property made required', (s) => void s.definitions.Task.required.push('title'), []],
  ['a request body property made required', (s) => void (s.definitions.NewTask.properties.due = { type: 'string' }, s.definitions.NewTask.required.push('due')), [['parameter-required', 'new', '/definitions/NewTask/properties/due']]],
  ['a parameter type changed', (s) => void (tasks(s).parameters[1].type = 'string', delete tasks(s).parameters[1].default, delete tasks(s).parameters[1].minimum, delete tasks(s).parameters[1].maximum), [['parameter-type-changed', 'new', `${P}/get/parameters/1/type`]]],
  ['an enum added to an input', (s) => void (tasks(s).parameters[1].enum = [10, 20, 50]), [['input-enum-restricted', 'new', `${P}/get/parameters/1/enum`]]],
  ['a response property removed', (s) => void delete s.definitions.Task.properties.title, [['response-property-removed', 'old', '/definitions/Task/properties/title'], ['response-property-removed', 'old', '/definitions/Task/properties/title']]],
  ['a response property type changed', (s) => void (s.definitions.Task.properties.id.type = 'integer'), [['response-type-changed', 'new', '/definitions/Task/properties/id'], ['response-type-changed', 'new', '/definitions/Task/properties/id']]],
  ['an action turned into a trigger', (s) => void (tasks(s)['x-ms-trigger'] = 'batch'), [['trigger-changed', 'new', `${P}/get/x-ms-trigger`]]],
  ['visibility changed', (s) => void (tasks(s).parameters[1]['x-ms-visibility'] = 'important'), [['visibility-changed', 'new', `${P}/get/parameters/1/x-ms-visibility`]]],
  ['summary changed', (s) => void (tasks(s).summary = 'Get tasks'), [['summary-changed', 'new', `${P}/get/summary`]]],
  ['a new optional parameter and a new operation', (s) => void (tasks(s).parameters.push({ name: 'q', in: 'query', type: 'string', 'x-ms-summary': 'Search' }), (s.paths['/ping'] = { get: { operationId: 'Ping', responses: { 200: { description: 'ok' } } } })), []],
  ['nothing', () => {}, []],
];

describe('connector diff', () => {
  it.each(cases)('%s', (_name, mutate, expected) => {
    const result = diffConnectors(OLD, newVersion(mutate));
    const found = result.diagnostics.map((d) => [d.code, d.file === result.oldFile ? 'old' : 'new', d.pointer]);
    expect(found.sort()).toEqual([...expected].sort());
    for (const d of result.diagnostics) expect(d.line).toBeGreaterThan(0);
  });

  it.each([
    ['a connection parameter removed', (p: Json) => void delete p.properties.connectionParameters.api_key, 'old', '/properties/connectionParameters/api_key'],
    ['a connection parameter retyped', (p: Json) => void (p.properties.connectionParameters.api_key.type = 'string'), 'new', '/properties/connectionParameters/api_key/type'],
    ['a new required connection parameter', (p: Json) => void (p.properties.connectionParameters.region = { type: 'string', uiDefinition: { constraints: { required: 'true' } } }), 'new', '/properties/connectionParameters/region'],
  ])('connection-changed: %s', (_name, mutateProperties, side, pointer) => {
    const result = diffConnectors(OLD, newVersion(() => {}, mutateProperties));
    expect(result.diagnostics.map((d) => [d.code, d.file!.endsWith('apiProperties.json'), d.file!.includes('fixtures') ? 'old' : 'new', d.pointer])).toEqual([['connection-changed', true, side, pointer]]);
    expect(result.diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('connection-changed: authentication type changed', () => {
    const result = diffConnectors(OLD, newVersion((s) => void (s.securityDefinitions = { basic: { type: 'basic' } }, (s.security = [{ basic: [] }]))));
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([['connection-changed', '/securityDefinitions', 'authentication changed from apiKey to basic: existing connections must be recreated']]);
  });

  it('a breaking change exits 1 with the certification pipeline wording, run as a user runs it', () => {
    const run = runPpkit(['connector', 'diff', OLD, newVersion((s) => void delete s.paths['/projects/{projectId}/tasks'].post)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/apiDefinition\.swagger\.json:\d+:\d+  error  operation-removed  The operation "CreateTask" has been deleted\. This change breaks existing flows\. ValuePath: operation\/CreateTask/);
  }, 60_000);

  it.each([
    ['only warnings', (s: Json) => void (tasks(s).summary = 'Get tasks'), [], 0],
    ['only warnings, --fail-severity warning', (s: Json) => void (tasks(s).summary = 'Get tasks'), ['--fail-severity', 'warning'], 1],
    ['no change', () => {}, [], 0],
  ])('exit code: %s', async (_name, mutate, options, status) => {
    const run = await runInProcess(['connector', 'diff', ...options, join(FIXTURES, 'clean'), newVersion(mutate)]);
    expect(run.status).toBe(status);
  });

  it('compares a real connector with itself: no changes', async () => {
    const tribal = join(CORPUS, 'certified-connectors', 'Tribal');
    const run = await runInProcess(['connector', 'diff', tribal, tribal]);
    expect(run.stdout).toContain('no breaking or visible changes');
    expect(run.status).toBe(0);
  });

  it.each([
    ['a missing path', () => [join(root, 'nope'), OLD], /nope: no such file or folder/],
    ['a folder of many connectors', () => [join(CORPUS, 'certified-connectors'), OLD], /expected one connector, found 28 below this folder/],
    ['a file that is not JSON', () => { const f = join(root, 'bad.json'); writeFileSync(f, '{"swagger": '); return [f, OLD]; }, /bad\.json:1:\d+: not valid JSON/],
  ])('bad input: %s is one error line, exit 1', async (_name, args, message) => {
    const run = await runInProcess(['connector', 'diff', ...args()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
