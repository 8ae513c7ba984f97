import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../tools/cli/program.js';
import type { CliIo } from '../../../tools/cli/context.js';
import { buildZip } from '../../../tools/zip/index.js';
import { renderAll } from '../../../tools/flows/render/index.js';
import { stableStringify } from '../../../tools/core/stable-json.js';
import { PROJECT_ROOT, runPpkit } from '../../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lint');
const temp = mkdtempSync(join(tmpdir(), 'ppkit-flow-lint-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function memoryIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', color: false, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

async function lint(...args: string[]) {
  const io = memoryIo();
  const status = await runCli(['flow', 'lint', ...args], io);
  return { status, stdout: io.out, stderr: io.err };
}

describe('ppkit flow lint (spawned)', { timeout: 60_000 }, () => {
  it('prints file:line:col findings and exits 1', () => {
    const run = runPpkit(['flow', 'lint', join(FIXTURES, 'action-reference-missing.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/action-reference-missing\.json\n\s+50:\d+\s+error\s+action-reference-missing\s+body\('Get_a_row'\)/);
  });

  it('exits 0 on a clean flow', () => {
    const run = runPpkit(['flow', 'lint', join(FIXTURES, 'clean-control-flow.json')]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});

describe('ppkit flow lint', () => {
  it('writes SARIF 2.1.0 with rule descriptions and help links', async () => {
    const run = await lint(join(FIXTURES, 'run-after-cycle.json'), '--format', 'sarif');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe('run-after-cycle');
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(sarif.runs[0].tool.driver.rules[0].helpUri).toMatch(/logic-apps-exception-handling/);
  });

  it('writes JSON diagnostics', async () => {
    const run = await lint(join(FIXTURES, 'item-outside-loop.json'), '--format', 'json');
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain('item-outside-loop');
  });

  it.each([
    [[], 1],
    [['--fail-severity', 'error'], 0],
    [['--disable', 'hardcoded-value'], 0],
  ])('a warning with %j exits %i', async (extra, status) => {
    expect((await lint(join(FIXTURES, 'hardcoded-value.json'), ...extra)).status).toBe(status);
  });

  it.each([
    [[join(temp, 'missing.json')], 1, /missing\.json: file or folder not found/],
    [[join(FIXTURES, 'clean-control-flow.json'), '--format', 'html'], 2, /unknown format "html"/],
    [[join(FIXTURES, 'clean-control-flow.json'), '--fail-severity', 'fatal'], 2, /--fail-severity/],
    // A folder with no flow anywhere below it (test/core); a folder of solutions is linted one by one.
    [[FIXTURES + '/../../../core'], 1, /no flows found/],
    [[join(FIXTURES, 'clean-control-flow.json'), '--disable', 'no-such-rule'], 2, /--disable no-such-rule: no such rule/],
  ])('refuses %j with one line', async (args, status, message) => {
    const run = await lint(...args);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports a broken workflow file as a finding and lints the others', async () => {
    const folder = join(temp, 'broken-solution');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(folder, 'Workflows'), { recursive: true });
    writeFileSync(join(folder, 'Workflows', 'Broken-11111111-2222-4333-8444-555555555555.json'), '{"properties": {');
    writeFileSync(join(folder, 'Workflows', 'Good-11111111-2222-4333-8444-666666666666.json'), readFileSync(join(FIXTURES, 'clean-control-flow.json')));
    const run = await lint(folder, '--format', 'json');
    const diagnostics = JSON.parse(run.stdout) as { code: string; file: string }[] | { diagnostics: { code: string; file: string }[] };
    const list = Array.isArray(diagnostics) ? diagnostics : diagnostics.diagnostics;
    expect(list.map((d) => d.code)).toEqual(['invalid-json']);
    expect(run.status).toBe(1);
  });

  it('lints a solution zip: flows, the custom connector swagger inside it, the child flow ids', async () => {
    const { flows } = renderAll({ root: PROJECT_ROOT });
    const entries = flows
      .filter((f) => f.format === 'solution')
      .map((f) => ({ name: f.relativePath, data: Buffer.from(stableStringify(f.document)) }));
    const swagger = { swagger: '2.0', info: { title: 'x', version: '1' }, paths: { '/a': { get: { operationId: 'ListContent', responses: {} } } } };
    entries.push({ name: 'Connector/admin_5Foffice-20365-20management-20api_openapidefinition.json', data: Buffer.from(JSON.stringify(swagger)) });
    const zip = join(temp, 'solution.zip');
    writeFileSync(zip, await buildZip(entries));
    const run = await lint(zip, '--format', 'json');
    const text = run.stdout;
    // The stub swagger lacks the other operations: the linter found it inside the zip and used it.
    expect(text).toContain('operation-unknown');
    expect(text).toContain('"StartSubscription"'.replace(/"/g, '\\"'));
    expect(text).toContain('solution.zip!/Workflows/ChildAdminSyncLogs-');
    expect(text).not.toContain('workflow-reference-missing');
  });

  it('lints a legacy flow package zip (Microsoft.Flow/flows/<id>/definition.json)', async () => {
    const legacy = renderAll({ root: PROJECT_ROOT }).flows.find((f) => f.format === 'legacy')!;
    const definition = structuredClone(legacy.document) as { properties: { definition: { actions: Record<string, unknown> } } };
    definition.properties.definition.actions.Broken = { type: 'Compose', runAfter: { Nowhere: ['Succeeded'] }, inputs: 1 };
    const zip = join(temp, 'package.zip');
    writeFileSync(zip, await buildZip([{ name: 'Microsoft.Flow/flows/0a1b/definition.json', data: Buffer.from(JSON.stringify(definition, null, 2)) }]));
    const run = await lint(zip);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/package\.zip!\/Microsoft\.Flow\/flows\/0a1b\/definition\.json/);
    expect(run.stdout).toMatch(/run-after-missing-action/);
  });

  it('refuses a zip that escapes its folder', async () => {
    const zip = join(temp, 'slip.zip');
    writeFileSync(zip, await buildZip([{ name: 'Workflows/a.json', data: Buffer.from('{}') }]));
    // Patch the stored name (same length) into a traversal path in both headers.
    const bytes = readFileSync(zip);
    const patched = Buffer.from(bytes.toString('latin1').split('Workflows/a.json').join('../../../a.json.x'.slice(0, 16)), 'latin1');
    writeFileSync(zip, patched);
    const run = await lint(zip);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/slip\.zip/);
  });
});
