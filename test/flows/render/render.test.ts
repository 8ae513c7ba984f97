import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { componentGuid } from '../../../tools/core/ids.js';
import { stableStringify } from '../../../tools/core/stable-json.js';
import { renderAll, writeRenderedFlows } from '../../../tools/flows/render/index.js';
import { lintTarget } from '../../../tools/flows/lint/index.js';
import { buildConnectors } from '../../../tools/connector/build/build-connector.js';
import { PROJECT_ROOT, runPpkit } from '../../helpers/cli.js';
import { runCli } from '../../../tools/cli/program.js';
import { parse as parseYaml } from 'yaml';

/**
 * Golden files of the rendered flows. After an intended template change:
 *   PPKIT_UPDATE_GOLDEN=1 npx vitest run test/flows/render/render.test.ts
 */
const UPDATE = process.env.PPKIT_UPDATE_GOLDEN === '1';
const GOLDEN = join(import.meta.dirname, 'golden');
const temp = mkdtempSync(join(tmpdir(), 'ppkit-flows-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(folder, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

describe('ppkit flow render', () => {
  const result = renderAll({ root: PROJECT_ROOT });
  const out = join(temp, 'flows');
  const written = writeRenderedFlows(result, out);

  it('renders the parent, the child and the legacy flow', () => {
    expect(result.flows.map((f) => `${f.format}:${f.name}`)).toEqual(['solution:Admin | Sync Audit Logs', 'solution:[Child] Admin | Sync Logs', 'legacy:Admin | Sync Audit Logs']);
    expect(written).toContain('flows.json');
  });

  it('matches the golden files byte for byte', () => {
    if (UPDATE) {
      rmSync(GOLDEN, { recursive: true, force: true });
      cpSync(out, GOLDEN, { recursive: true });
    }
    expect(listFiles(out)).toEqual(listFiles(GOLDEN));
    for (const file of listFiles(out)) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(GOLDEN, file), 'utf8'));
  });

  it('is deterministic: a second render gives the same bytes', () => {
    const again = renderAll({ root: PROJECT_ROOT });
    expect(again.flows.map((f) => stableStringify(f.document))).toEqual(result.flows.map((f) => stableStringify(f.document)));
  });

  it('names files and ids as a solution export does, and the parent calls the child by its id', () => {
    const child = result.flows.find((f) => f.name === '[Child] Admin | Sync Logs')!;
    expect(child.workflowId).toBe(componentGuid('workflow', '[Child] Admin | Sync Logs'));
    expect(child.relativePath).toBe(`Workflows/ChildAdminSyncLogs-${child.workflowId.toUpperCase()}.json`);
    const parent = JSON.stringify(result.flows[0]!.document);
    expect(parent).toContain(`"workflowReferenceName":"${child.workflowId}"`);
    expect(result.flows[0]!.document.schemaVersion).toBe('1.0.0.0');
  });

  it('declares the CoE environment variables as "<Display> (<schema>)" parameters', () => {
    const parent = result.flows[0]!.document as { properties: { definition: { parameters: Record<string, { metadata?: { schemaName?: string } }> } } };
    const schemaNames = Object.values(parent.properties.definition.parameters).map((p) => p.metadata?.schemaName).filter(Boolean).sort();
    expect(schemaNames).toEqual(['admin_AdminMail', 'admin_StartTimeInterval', 'admin_StartTimeUnit', 'admin_TimeIntervalInterval', 'admin_TimeIntervalUnit', 'admin_TimeSegmentsCountLimit']);
    for (const [name, p] of Object.entries(parent.properties.definition.parameters)) if (p.metadata?.schemaName) expect(name).toMatch(new RegExp(`\\(${p.metadata.schemaName}\\)$`));
  });

  it('lints clean against the connector swaggers', { timeout: 30_000 }, async () => {
    await buildConnectors({ outDir: temp, clouds: ['public'] });
    const swagger = (source: string) => join(temp, 'connector', source, 'public', 'apiDefinition.swagger.json');
    const summary = await lintTarget(out, {
      connectors: [`shared_admin-5foffice-20365-20management-20api=${swagger('office365-management-api')}`, `shared_office-20365-20audit-20logs=${swagger('office365-audit-logs')}`],
    });
    expect(summary.flows).toBe(3);
    expect(summary.diagnostics).toEqual([]);
  });
});

describe('template parameters', () => {
  it.each([
    [{ recurrenceFrequency: 'Fortnight' }, /recurrenceFrequency: expected one of Month, Week, Day, Hour, Minute, Second, got "Fortnight"/],
    [{ recurrenceInterval: '0' }, /recurrenceInterval: expected at least 1, got 0/],
    [{ recurrenceInterval: 'often' }, /recurrenceInterval: expected a whole number, got "often"/],
    [{ segmentConcurrency: '51' }, /segmentConcurrency: expected at most 50, got 51/],
    [{ noSuchThing: '1' }, /--param noSuchThing: no flow template declares it/],
  ])('refuses %j', (params, message) => {
    expect(() => renderAll({ root: PROJECT_ROOT, params })).toThrow(message);
  });
});

describe('ppkit flow render (spawned)', { timeout: 60_000 }, () => {
  it('applies --param values', () => {
    const out = join(temp, 'hourly');
    const run = runPpkit(['flow', 'render', '--out', out, '--param', 'recurrenceFrequency=Hour', '--param', 'recurrenceInterval=6', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { flows: { name: string; file: string }[] };
    const parent = JSON.parse(readFileSync(summary.flows[0]!.file, 'utf8'));
    expect(parent.properties.definition.triggers.Recurrence.recurrence).toEqual({ frequency: 'Hour', interval: 6 });
  });

  it('refuses an unknown --param with one clear line, exit 2, and writes nothing', () => {
    const out = join(temp, 'bad-2');
    const run = runPpkit(['flow', 'render', '--out', out, '--param', 'noSuchThing=1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--param noSuchThing: no flow template declares it/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(() => readdirSync(out)).toThrow();
  });
});

describe('ppkit flow render (in process)', () => {
  async function render(...args: string[]) {
    const io = { out: '', err: '', color: false, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
    const status = await runCli(['flow', 'render', ...args], io);
    return { status, stdout: io.out, stderr: io.err };
  }

  it('refuses a bad parameter value with exit 1 and writes nothing', async () => {
    const out = join(temp, 'bad-1');
    const run = await render('--out', out, '--param', 'recurrenceFrequency=Fortnight');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/recurrenceFrequency: expected one of Month, Week, Day, Hour, Minute, Second, got "Fortnight"/);
    expect(() => readdirSync(out)).toThrow();
  });

  it('names the template file and line of a broken template', async () => {
    const project = join(temp, 'project');
    mkdirSync(join(project, 'flows'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'solution'), join(project, 'solution'), { recursive: true });
    writeFileSync(join(project, 'flows', 'broken.yaml'), 'name: Admin | Sync Audit Logs\ndefinition:\n  triggers: {}\n  actions:\n    Compose:\n      type: Compose\n      inputs: "{{nope}}"\n');
    const run = await render('--project', project, '--out', join(project, 'out'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:7:\d+: unknown template parameter \{\{nope\}\}/);
  });
});

describe('project consistency', () => {
  it('reads a JSON template like a YAML one', () => {
    const project = join(temp, 'json-template');
    mkdirSync(join(project, 'flows'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'solution'), join(project, 'solution'), { recursive: true });
    for (const name of ['admin-sync-audit-logs', 'child-admin-sync-logs']) {
      const yaml = parseYaml(readFileSync(join(PROJECT_ROOT, 'flows', `${name}.yaml`), 'utf8'));
      writeFileSync(join(project, 'flows', `${name}.json`), JSON.stringify(yaml, null, 2));
    }
    const fromJson = renderAll({ root: project }).flows.map((f) => stableStringify(f.document));
    const fromYaml = renderAll({ root: PROJECT_ROOT }).flows.filter((f) => f.format === 'solution').map((f) => stableStringify(f.document));
    expect(fromJson).toEqual(fromYaml);
  });

  it('refuses a solution.yaml flow that no template renders', () => {
    const project = join(temp, 'orphan');
    mkdirSync(join(project, 'flows'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'solution'), join(project, 'solution'), { recursive: true });
    cpSync(join(PROJECT_ROOT, 'flows', 'admin-sync-audit-logs.yaml'), join(project, 'flows', 'admin-sync-audit-logs.yaml'));
    expect(() => renderAll({ root: project })).toThrow(/lists the flow "\[Child\] Admin \| Sync Logs" .* but no template in flows\/ has that name/);
  });
});
