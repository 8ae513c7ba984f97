/**
 * Real public artefacts (fixtures/<repo>/..., each README naming repository, path, commit, licence), put
 * through what a user runs on an export: `ppkit flow lint` (the rule ids at error or warning severity must
 * be exactly those lint-expectations.yaml lists, each with its reason), `ppkit solution pack --from` then
 * `solution check` and `solution unpack` (the same files back), and `ppkit flow run` for the flows that
 * run offline with no connections.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintTarget } from '../../tools/flows/lint/index.js';
import { loadWorkflow, runFlow } from '../../tools/engine/index.js';
import { writeZipFile } from '../../tools/zip/index.js';
import { runPpkit } from '../helpers/cli.js';
import { COE_AUDIT_LOGS, FIXTURES } from './fixtures.js';

const expectations = parse(readFileSync(join(import.meta.dirname, 'lint-expectations.yaml'), 'utf8')) as Record<string, Record<string, string> | null>;
const temp = mkdtempSync(join(tmpdir(), 'ppkit-realworld-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(root, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/** Every workflow file among the fixtures: solution Workflows/*.json and flow package definition.json. */
const workflowFiles = filesUnder(FIXTURES).filter((name) => /\/Workflows\/[^/]+\.json$/.test(name) || /\/Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/.test(name));
const CRUD = 'powerautomate-samples/crud-sharepoint-rest-api';
const UPDATE_CREATED_BY = 'powerautomate-samples/UpdateCreatedBy_1_0_0_1';
const EMBED_IMAGE = 'powerplatform-samples/Embed-Image-In-Email-Body';
const solutionFolders = ['coe-starter-kit/CenterofExcellenceAuditLogs', CRUD, UPDATE_CREATED_BY, EMBED_IMAGE];
const PNP = 'powerautomate-samples';
const ALWAYS_REPLY = `${PNP}/always-reply-to-request/Microsoft.Flow/flows/64422a3f-e728-4a13-adea-13637bba1429/definition.json`;
const TRY_CATCH = `${PNP}/Try-Catch-Finally/Microsoft.Flow/flows/6420a0b5-c254-42f1-9808-3370c281ca9d/definition.json`;

describe('flow lint on real flows', { timeout: 60_000 }, () => {
  it('finds every fixture flow and an expectation for each target', () => {
    expect(workflowFiles.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(expectations).sort()).toEqual([...workflowFiles, ...solutionFolders].sort());
  });

  it.each([...workflowFiles, ...solutionFolders].map((name) => [name]))('%s', async (name) => {
    const result = await lintTarget(join(FIXTURES, name));
    expect(result.flows).toBeGreaterThan(0);
    const reported = [...new Set(result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code))].sort();
    const expected = expectations[name] ?? {};
    expect(reported, JSON.stringify(result.diagnostics.map((d) => `${d.code} ${d.pointer}: ${d.message}`), null, 1)).toEqual(Object.keys(expected).sort());
    for (const [id, reason] of Object.entries(expected)) expect(reason.trim().length, `${name} ${id} needs a reason`).toBeGreaterThan(10);
    for (const d of result.diagnostics) expect(d.line, `${d.code} ${d.pointer} is located`).toBeGreaterThan(0);
  });

  it.each([
    ['coe-starter-kit/CenterofExcellenceAuditLogs', 1, ['hardcoded-value']],
    [`${PNP}/always-reply-to-request`, 0, []],
    [CRUD, 1, ['hardcoded-value']],
  ])('the CLI lints the folder %s as a user runs it (exit %i)', (name, code, codes) => {
    const run = runPpkit(['flow', 'lint', join(FIXTURES, name), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(code);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; severity: string }[] };
    expect([...new Set(diagnostics.filter((d) => d.severity !== 'info' && d.severity !== 'hint').map((d) => d.code))].sort()).toEqual(codes);
  });
});

/** Packs a SolutionPackager folder, checks the zip, unpacks it; returns the check's findings and the unpacked folder. */
function roundTrip(folder: string, name: string) {
  const zip = join(temp, `${name}.zip`);
  const pack = runPpkit(['solution', 'pack', '--from', folder, '--out', zip]);
  expect(pack.status, pack.stderr).toBe(0);
  const check = runPpkit(['solution', 'check', zip, '--format', 'json']);
  expect(check.stderr).toBe('');
  const findings = (JSON.parse(check.stdout) as { diagnostics: { code: string; severity: string; message: string }[] }).diagnostics;
  const out = join(temp, `${name}-unpacked`);
  const unpack = runPpkit(['solution', 'unpack', zip, out]);
  expect(unpack.status, unpack.stderr).toBe(0);
  return { findings, out, checkStatus: check.status };
}

/** The unpacked folder holds the same files with the same text (Managed as packed: 2, "both", packs unmanaged as pac does). */
function expectSameFiles(original: string, unpacked: string): void {
  expect(filesUnder(unpacked)).toEqual(filesUnder(original));
  for (const name of filesUnder(original)) {
    let text = readFileSync(join(original, name), 'utf8');
    if (name === 'Other/Solution.xml') text = text.replace('<Managed>2</Managed>', '<Managed>0</Managed>');
    expect(readFileSync(join(unpacked, name), 'utf8').trimEnd(), name).toBe(text.trimEnd());
  }
}

describe('flow lint on a folder of exports (a repository of samples)', { timeout: 60_000 }, () => {
  it('lints each solution and package under the folder on its own, in one run', async () => {
    const summary = await lintTarget(FIXTURES);
    expect(summary.flows).toBe(workflowFiles.length);
    // Each solution is linted as a whole (it knows its environment variables), each loose flow on its own.
    const expected = new Set([...workflowFiles, ...solutionFolders].flatMap((name) => Object.keys(expectations[name] ?? {})));
    expect(new Set(summary.diagnostics.filter((d) => d.severity !== 'info' && d.severity !== 'hint').map((d) => d.code))).toEqual(expected);
    const run = runPpkit(['flow', 'lint', FIXTURES, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(summary.diagnostics.length);
  });

  it('still says so when a folder holds no flow at all', () => {
    const run = runPpkit(['flow', 'lint', join(FIXTURES, 'coe-starter-kit', 'CenterofExcellenceAuditLogs', 'Other')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no flows found/);
  });
});

describe('solution pack, check and unpack on real solution folders', { timeout: 60_000 }, () => {
  it('CoE audit logs: packs as exported, the check names what is wrong, unpacks the same files', () => {
    const { findings, out, checkStatus } = roundTrip(COE_AUDIT_LOGS, 'coe');
    expect(checkStatus).toBe(1);
    // Flows reading environment variables that the solution neither ships nor lists as missing dependencies.
    const errors = findings.filter((d) => d.severity === 'error');
    expect([...new Set(errors.map((d) => d.code))]).toEqual(['flow-references']);
    expect(errors.map((d) => /"(admin_\w+)"/.exec(d.message)?.[1]).sort()).toEqual(['admin_StartTimeInterval', 'admin_StartTimeUnit', 'admin_TimeIntervalInterval', 'admin_TimeIntervalInterval', 'admin_TimeIntervalUnit', 'admin_TimeIntervalUnit', 'admin_TimeSegmentsCountLimit']);
    // The variables Solution.xml declares as missing dependencies (admin_AdminMail, admin_TenantID, ...) are not findings.
    expect(findings.some((d) => d.code === 'flow-references' && /admin_AdminMail|admin_TenantID|admin_eMailHeaderStyle/.test(d.message))).toBe(false);
    expectSameFiles(COE_AUDIT_LOGS, out);
  });

  it('crud-sharepoint-rest-api: data-source and JSON environment variables with a values file survive the round trip', () => {
    const folder = join(FIXTURES, CRUD);
    const { findings, out, checkStatus } = roundTrip(folder, 'crud');
    expect(checkStatus).toBe(0);
    expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
    expect([...new Set(findings.filter((d) => d.severity === 'warning').map((d) => d.code))].sort()).toEqual(['hardcoded-value', 'root-components']);
    expectSameFiles(folder, out);
    // The deployment settings file pac solution import takes: every variable and connection reference.
    const settings = runPpkit(['solution', 'settings', folder]);
    expect(settings.status, settings.stderr).toBe(0);
    const parsed = JSON.parse(settings.stdout) as { EnvironmentVariables: { SchemaName: string }[]; ConnectionReferences: { LogicalName: string; ConnectorId: string }[] };
    expect(parsed.EnvironmentVariables.map((v) => v.SchemaName)).toEqual(['ggk_SPcreateList', 'ggk_SPlistSettings', 'ggk_SPsite', 'ggk_SPtargetList']);
    expect(parsed.ConnectionReferences).toEqual([{ LogicalName: 'ggk_SharePointDemo', ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline' }]);
  });

  it('crud-sharepoint-rest-api exported the newer way (a values file with no id and no value) still round-trips', () => {
    const folder = join(temp, 'crud-newer-export');
    cpSync(join(FIXTURES, CRUD), folder, { recursive: true });
    writeFileSync(join(folder, 'environmentvariabledefinitions', 'ggk_SPlistSettings', 'environmentvariablevalues.json'), '{\n  "environmentvariablevalues": {\n    "environmentvariablevalue": {\n      "iscustomizable": "1"\n    }\n  }\n}');
    const { findings, out } = roundTrip(folder, 'crud-newer');
    expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
    expectSameFiles(folder, out);
  });
});

describe('solution pack, check and unpack on a pnp/powerplatform-samples solution folder', { timeout: 60_000 }, () => {
  it('Embed-Image-In-Email-Body: the check names the environment variable the repository lacks; the folder round-trips', () => {
    const folder = join(FIXTURES, EMBED_IMAGE);
    const { findings, out, checkStatus } = roundTrip(folder, 'embed');
    expect(checkStatus).toBe(1);
    const errors = findings.filter((d) => d.severity === 'error');
    // One finding for the one missing variable (flow lint's environment-variable-undefined is not repeated).
    expect(errors.map((d) => d.code)).toEqual(['flow-references']);
    expect(errors[0]!.message).toContain('crfc6_RelativeFilePathofImage');
    expect([...new Set(findings.filter((d) => d.severity === 'warning').map((d) => d.code))].sort()).toEqual(['hardcoded-value', 'root-components']);
    expectSameFiles(folder, out);
    const settings = runPpkit(['solution', 'settings', folder]);
    expect(settings.status, settings.stderr).toBe(0);
    const parsed = JSON.parse(settings.stdout) as { EnvironmentVariables: { SchemaName: string }[]; ConnectionReferences: { LogicalName: string }[] };
    expect(parsed.EnvironmentVariables.map((v) => v.SchemaName)).toEqual(['crfc6_Recipientemailaddress', 'crfc6_SharePointSiteURL']);
    expect(parsed.ConnectionReferences.map((c) => c.LogicalName)).toEqual(['crfc6_sharedsharepointonline_383e5', 'crfc6_sharedwebcontents_6e89a']);
  });
});

describe('solution check on a real flow package (My flows > Import)', { timeout: 60_000 }, () => {
  const PACKAGE = join(FIXTURES, PNP, 'always-reply-to-request');

  it('checks the unzipped package folder and the zip of it: no findings (a flow without connections needs no connection maps)', async () => {
    const folder = runPpkit(['solution', 'check', PACKAGE, '--format', 'json']);
    expect(folder.stderr).toBe('');
    expect(folder.status).toBe(0);
    expect((JSON.parse(folder.stdout) as { diagnostics: unknown[] }).diagnostics).toEqual([]);

    const zip = join(temp, 'always-reply-to-request.zip');
    const entries = filesUnder(PACKAGE).map((name) => ({ name, data: readFileSync(join(PACKAGE, name)) }));
    await writeZipFile(zip, entries);
    const packed = runPpkit(['solution', 'check', zip, '--format', 'json']);
    expect(packed.status, packed.stdout + packed.stderr).toBe(0);
    const lint = runPpkit(['flow', 'lint', zip]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });
});

describe('flow run on real flows that need no connection', { timeout: 60_000 }, () => {
  it('Try-Catch-Finally: Try succeeds, Catch is skipped, Finally runs', () => {
    const run = runPpkit(['flow', 'run', join(FIXTURES, TRY_CATCH), '--json', '--now', '2026-11-20T12:00:00Z']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; actions: Record<string, { status: string }> };
    expect(result.status).toBe('Succeeded');
    expect(Object.fromEntries(Object.entries(result.actions).map(([k, v]) => [k, v.status]))).toEqual({ Try: 'Succeeded', Catch: 'Skipped', Finally: 'Succeeded' });
  });

  it('always-reply-to-request: div(5, 0) fails the scope, the caller gets a 500 with the error, the run fails', async () => {
    const run = runPpkit(['flow', 'run', join(FIXTURES, ALWAYS_REPLY), '--json', '--now', '2026-11-20T12:00:00Z']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { status: string; actions: Record<string, { status: string }> };
    expect(result.status).toBe('Failed');
    expect(result.actions.Response_OK?.status).toBe('Skipped');
    expect(result.actions.Response_Error?.status).toBe('Succeeded');
    expect(result.actions.Terminate_with_Failed?.status).toBe('Succeeded');

    const { workflow } = await loadWorkflow(join(FIXTURES, ALWAYS_REPLY));
    const direct = await runFlow({ workflow, now: '2026-11-20T12:00:00Z', trigger: { headers: {}, body: null } });
    expect(direct.response?.statusCode).toBe(500);
    expect(direct.response?.body).toMatchObject({ code: 'InvalidTemplate' });
    expect(direct.error).toMatchObject({ code: '500', message: 'An error has occured' });
  });
});

it('fixture paths are relative to the fixtures folder', () => {
  expect(relative(FIXTURES, COE_AUDIT_LOGS)).toBe('coe-starter-kit/CenterofExcellenceAuditLogs');
});
