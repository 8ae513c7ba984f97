import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipBytes } from './zip-bytes.js';
import { afterAll, describe, expect, it } from 'vitest';
import { runPpkit } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/cli', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'ppkit-flow-run-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const fixture = (name: string) => join(FIXTURES, name);

describe('ppkit flow run', { timeout: 60_000 }, () => {
  it('runs a flow and prints {status, outputs, actions, error} with --json', () => {
    const run = runPpkit(['flow', 'run', fixture('greet.json'), '--trigger', fixture('trigger.json'), '--parameters', fixture('parameters.json'), '--now', '2024-05-01T08:00:00Z', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['status', 'outputs', 'actions', 'error']);
    expect(json).toMatchObject({
      status: 'Succeeded',
      outputs: { greetings: ['Hi Ann', 'Hi Bo'] },
      actions: { Init: { status: 'Succeeded' }, Each: { status: 'Succeeded' }, Add: { status: 'Succeeded', iterations: [{ repetition: [0], status: 'Succeeded' }, { repetition: [1] }] }, Done: { status: 'Succeeded', outputs: '2024-05-01T09:00:00.0000000Z' } },
      error: null,
    });
  });

  it('prints a per-action table, writes the history, and exits 1 when the run failed', () => {
    const history = join(temp, 'history.json');
    const run = runPpkit(['flow', 'run', fixture('fails.json'), '--now', '2024-05-01T08:00:00Z', '--history', history]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^fails: run \S+ Failed \(ActionFailed: An action failed\. No dependent actions succeeded\.\)/);
    expect(run.stdout).toMatch(/Boom\s+Compose\s+Failed\s+0ms\s+InvalidTemplate: /);
    const written = JSON.parse(readFileSync(history, 'utf8'));
    expect(written).toMatchObject({ status: 'Failed', startTime: '2024-05-01T08:00:00.000Z', actions: [{ name: 'Boom', status: 'Failed', error: { code: 'InvalidTemplate' } }], childRuns: [] });
  });

  it('refuses a malformed definition before running, naming the action and where it is', () => {
    const run = runPpkit(['flow', 'run', fixture('unknown-type.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('unknown-type.json: action "Odd" has unknown type "Frobnicate"');
    expect(run.stderr).toContain('(at /properties/definition/actions/Odd/type)');
  });

  it('refuses a bad --now as a usage error', () => {
    const run = runPpkit(['flow', 'run', fixture('fails.json'), '--now', 'yesterday']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--now: expected an ISO 8601 time');
  });

  it.each([
    ['under a file', (file: string) => join(file, 'history.json'), 'a part of its folder path is a file, not a folder'],
    ['that is a folder', () => temp, 'it is a folder'],
  ])('names a --history file it cannot write (%s), in one line, and writes nothing', (_label, target, reason) => {
    const file = join(temp, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const history = target(file);
    const run = runPpkit(['flow', 'run', fixture('fails.json'), '--now', '2024-05-01T08:00:00Z', '--history', history]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`ppkit: ${history}: cannot write the file: ${reason}\n`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('runs a flow of a solution zip by display name, with its child flow and environment variable values', () => {
    const zip = join(temp, 'Solution_1_0_0_0.zip');
    const parentId = 'FA91974D-6E68-EA11-A811-000D3A31CF04';
    const childId = '751183FC-DB68-EA11-A811-000D3A31CF04';
    const parent = { properties: { connectionReferences: {}, definition: {
      parameters: { 'Suffix (admin_Suffix)': { type: 'String', metadata: { schemaName: 'admin_Suffix' } } },
      triggers: { Recurrence: { type: 'Recurrence', recurrence: { frequency: 'Day', interval: 1 } } },
      actions: { Run_a_Child_Flow: { type: 'Workflow', inputs: { host: { workflowReferenceName: childId.toLowerCase() }, body: { text: "@parameters('Suffix (admin_Suffix)')" } } } },
      outputs: { answer: { type: 'String', value: "@body('Run_a_Child_Flow')?['answer']" } } } }, schemaVersion: '1.0.0.0' };
    const child = { properties: { connectionReferences: {}, definition: {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } } } },
      actions: { Respond: { type: 'Response', kind: 'PowerApp', inputs: { statusCode: 200, body: { answer: "@{concat('child-', triggerBody()['text'])}" } } } } } }, schemaVersion: '1.0.0.0' };
    const customizations = `<ImportExportXml><Workflows><Workflow WorkflowId="{${parentId.toLowerCase()}}" Name="Admin | Sync Audit Logs"><JsonFileName>/Workflows/AdminSyncAuditLogs-${parentId}.json</JsonFileName></Workflow><Workflow WorkflowId="{${childId.toLowerCase()}}" Name="[Child] Admin | Sync Logs"><JsonFileName>/Workflows/ChildAdminSyncLogs-${childId}.json</JsonFileName></Workflow></Workflows></ImportExportXml>`;
    const envVar = '<environmentvariabledefinition schemaname="admin_Suffix"><defaultvalue>from-solution</defaultvalue><type>100000000</type></environmentvariabledefinition>';
    writeFileSync(zip, zipBytes([
      { name: 'customizations.xml', data: customizations },
      { name: 'solution.xml', data: '<ImportExportXml />' },
      { name: `Workflows/AdminSyncAuditLogs-${parentId}.json`, data: JSON.stringify(parent) },
      { name: `Workflows/ChildAdminSyncLogs-${childId}.json`, data: JSON.stringify(child) },
      { name: 'environmentvariabledefinitions/admin_Suffix/environmentvariabledefinition.xml', data: envVar },
    ]));
    const run = runPpkit(['flow', 'run', `${zip}#Admin | Sync Audit Logs`, '--now', '2024-05-01T00:00:00Z', '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'Succeeded', outputs: { answer: 'child-from-solution' } });
    const missing = runPpkit(['flow', 'run', `${zip}#NoSuchFlow`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no flow named "NoSuchFlow" in the solution; it has: Admin | Sync Audit Logs, [Child] Admin | Sync Logs');
  });
});
