import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tools/cli/program.js';
import type { SimulationResult } from '../../tools/simulate/simulate.js';
import { DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD } from '../../tools/mocks/o365/index.js';
import { PROJECT_ROOT, runPpkit, runPpkitAsync, type CliRun } from '../helpers/cli.js';
import { buildArtefacts, SMALL_TENANT, type BuiltArtefacts } from './built-artefacts.js';

/** What `ppkit simulate --json` prints. */
type SimulationJson = SimulationResult;

const SECRETS = [DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD];

let built: BuiltArtefacts;
beforeAll(async () => {
  built = await buildArtefacts();
}, 120_000);
afterAll(() => built?.remove());

function simulateCli(args: readonly string[], report: string): CliRun {
  return runPpkit(['simulate', '--dist', built.distDir, '--report', report, ...args], { timeoutMs: 120_000 });
}

/** The same CLI in this process (no Node start-up): for the cases that need no separate process. */
async function simulateInProcess(args: readonly string[], report: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['simulate', '--dist', built.distDir, '--report', report, ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, isTTY: false });
  return { status, stdout, stderr };
}

function parse(run: CliRun): SimulationJson {
  try {
    return JSON.parse(run.stdout) as SimulationJson;
  } catch {
    throw new Error(`not JSON (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
}

function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) for (const secret of SECRETS) expect(text.includes(secret), `secret "${secret}" found`).toBe(false);
}

describe('ppkit simulate, spawned as a user runs it', () => {
  it.each([
    ['option 1: the managed zip', () => ['--solution', built.managedZip, '--faults', '5xx=0.05,dup=0.1,late=0.05']],
    ['option 2: the legacy flow package (basic auth)', () => ['--option', '2', '--solution', built.legacyPackage]],
  ])('%s: JSON summary, ground truth OK, exit 0, no secret in any output', { timeout: 120_000 }, (_name, args) => {
    const report = join(built.dir, `report-${_name.slice(0, 8).replace(/\W/g, '')}.html`);
    const run = simulateCli([...SMALL_TENANT, ...args(), '--json'], report);
    const result = parse(run);
    expect(result.problems).toEqual([]);
    expect(run.status).toBe(0);
    expect(result).toMatchObject({ ok: true, runs: { failed: 0 }, report });
    expect(result.runs.succeeded).toBeGreaterThan(0);
    expect(result.blobs).toBeGreaterThan(0);
    expect(result.records).toBeGreaterThanOrEqual(result.launches);
    expect(result.launches).toBeGreaterThan(0);
    expect(result.rowsCreated).toBe(result.groundTruth.expected);
    expect(result.duplicatesSkipped).toBe(result.launches - result.rowsCreated);
    expect(result.groundTruth).toMatchObject({ found: result.groundTruth.expected, missing: 0, duplicated: 0 });
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(`data-testid="truth-found">${result.groundTruth.found}<`);
    expectNoSecrets(run.stdout, run.stderr, html);
  });

  it('prints the summary as text with the ground truth check when not asked for JSON', { timeout: 60_000 }, async () => {
    const run = await simulateInProcess([...SMALL_TENANT, '--solution', built.managedZip], join(built.dir, 'text.html'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^run 1\/1 at 2026-11-11T00:00:00\.000Z: Succeeded/m);
    expect(run.stdout).toMatch(/ground truth {2}expected (\d+), found \1, missing 0, duplicated 0: OK/);
    expect(run.stdout).toContain('simulation passed');
    expectNoSecrets(run.stdout, run.stderr);
  });

  it('takes environment variable values from a deployment settings file (admin_TenantID is the mock tenant)', { timeout: 60_000 }, async () => {
    const tenant = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const settings = join(built.dir, 'settings.json');
    writeFileSync(
      settings,
      JSON.stringify({
        EnvironmentVariables: [
          { SchemaName: 'admin_TenantID', Value: tenant },
          { SchemaName: 'admin_TimeIntervalInterval', Value: '6' },
        ],
        ConnectionReferences: [],
      }),
    );
    const run = await simulateInProcess([...SMALL_TENANT, '--solution', built.managedZip, '--settings', settings, '--json'], join(built.dir, 'settings.html'));
    const result = parse(run);
    expect(run.status).toBe(0);
    expect(result.tenant.id).toBe(tenant);
    // One day read in 6-hour segments instead of the default 1-hour ones.
    expect(result.childRuns).toEqual({ succeeded: 4, failed: 0 });
    expect(result.groundTruth.missing).toBe(0);
  });

  it('refuses a missing solution with one clear line and exit 1, spawned', { timeout: 60_000 }, () => {
    const report = join(built.dir, 'missing.html');
    const run = simulateCli([...SMALL_TENANT, '--solution', join(built.dir, 'nope.zip')], report);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ppkit: \S*nope\.zip: solution not found: expected a solution zip or an unpacked solution folder\n$/);
    expect(run.stdout).toBe('');
    expect(existsSync(report)).toBe(false);
  });

  it.each([
    ['a file that is not a zip', 1, () => ['--solution', notAZip()], /not-a-zip\.zip/],
    ['a bad --faults rate', 2, () => ['--solution', built.managedZip, '--faults', 'throttle=2'], /--faults: throttle is a rate from 0 to 1, got 2/],
    ['an unknown fault', 2, () => ['--solution', built.managedZip, '--faults', 'boom=0.1'], /--faults: expected name=number pairs with names throttle, 5xx, dup, late, expired, latency, got "boom=0.1"/],
    ['a settings file that is not JSON', 1, () => ['--solution', built.managedZip, '--settings', badSettings('{"EnvironmentVariables": [')], /bad-settings\.json:\d+:\d+: not valid JSON/],
    ['a settings file of the wrong shape', 1, () => ['--solution', built.managedZip, '--settings', badSettings('{"EnvironmentVariables": [{"Value": 1}]}')], /bad-settings\.json: expected "SchemaName" \(a string\) \(at \/EnvironmentVariables\/0\/SchemaName\)/],
    ['--option 2 with a solution zip', 1, () => ['--option', '2', '--solution', built.managedZip], /not a flow package/],
    ['a legacy flow package as an option 1 solution', 1, () => ['--solution', built.legacyPackage], /Flow-SyncAuditLogs\.zip: not a solution: no solution\.xml/],
  ])('refuses %s with one clear line (exit %i)', async (_name, exitCode, args, message) => {
    const report = join(built.dir, `bad-${exitCode}.html`);
    const run = await simulateInProcess([...SMALL_TENANT, ...args()], report);
    expect(run.status).toBe(exitCode);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(report)).toBe(false);
  });
});

function notAZip(): string {
  const file = join(built.dir, 'not-a-zip.zip');
  writeFileSync(file, 'this is not a zip file, just text');
  return file;
}

function badSettings(text: string): string {
  const file = join(built.dir, 'bad-settings.json');
  writeFileSync(file, text);
  return file;
}

describe('a simulation killed mid-run and run again', () => {
  it('completes the windows on the rerun without a duplicate row', { timeout: 180_000 }, async () => {
    const db = join(built.dir, 'killed.sqlite');
    const report = join(built.dir, 'killed.html');
    const args = ['simulate', '--dist', built.distDir, '--solution', built.managedZip, '--db', db, '--report', report, ...SMALL_TENANT, '--days', '3'];
    const killed = await runUntilKilled(args, /^run 1\/3 .*: Succeeded/m);
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(report)).toBe(false);

    const rerun = simulateCli(['--solution', built.managedZip, '--db', db, ...SMALL_TENANT, '--days', '3', '--json'], report);
    const result = parse(rerun);
    expect(rerun.status).toBe(0);
    expect(result.groundTruth).toMatchObject({ found: result.groundTruth.expected, missing: 0, duplicated: 0 });
    // The first attempt's rows survived the kill: the rerun stored only the rest, and skipped the others as duplicates.
    expect(result.rowsCreated).toBeGreaterThan(0);
    expect(result.rowsCreated).toBeLessThan(result.groundTruth.expected);
    expect(result.duplicatesSkipped).toBeGreaterThanOrEqual(result.groundTruth.expected - result.rowsCreated);
    expectNoSecrets(readFileSync(db).toString('latin1'), killed.stdout, killed.stderr);
  });
});

/** Spawns `ppkit <args>` and SIGKILLs it as soon as its stdout matches `line`. */
function runUntilKilled(args: readonly string[], line: RegExp): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return runPpkitAsync(args, { timeoutMs: 120_000, onStdout: (stdout, child) => line.test(stdout) && child.exitCode === null && child.kill('SIGKILL') });
}

const COE_RELEASE = join(PROJECT_ROOT, 'test', 'simulate', 'fixtures', 'coe-audit-log-release');

/**
 * A solution shaped like the CoE Starter Kit's own audit-log release (unpacked SolutionPackager
 * folder, no connector shipped, writes to the core solution's admin_auditlogs and admin_apps, a
 * child flow that never follows NextPageUri): it runs with no other set-up.
 */
describe('the CoE kit\'s own audit-log release, unpacked', () => {
  it('runs with no other set-up: tables inferred, connector bound to ppkit\'s own by operation ids, app lookups resolve', { timeout: 60_000 }, () => {
    const run = simulateCli([...SMALL_TENANT, '--solution', COE_RELEASE, '--json'], join(built.dir, 'coe.html'));
    const result = parse(run);
    expect(result.problems).toEqual([]);
    expect(run.status).toBe(0);
    expect(result.tables).toEqual({ admin_apps: 'inferred', admin_auditlogs: 'inferred', admin_flows: 'inferred' });
    expect(result.connections).toEqual([
      { key: 'shared_admin-5foffice-20365-20management-20api-5f7fc9343cf45734fe', target: `Office 365 mock (${join(built.connectorsDir, 'office365-management-api', 'public', 'apiDefinition.swagger.json')})` },
      { key: 'shared_commondataserviceforapps_1', target: 'Dataverse emulator' },
      { key: 'shared_office365_1', target: 'mail sink' },
    ]);
    expect(result.runs).toEqual({ succeeded: 1, failed: 0 });
    expect(result.childRuns).toEqual({ succeeded: 24, failed: 0 });
    expect(result.groundTruth.expected).toBeGreaterThan(0);
    // Every row binds admin_AppLookup to admin_apps(<app id>); the emulator refuses a lookup to a
    // missing row, so all rows stored means the seeded inventory resolved every lookup.
    expect(result.rowsCreated).toBe(result.groundTruth.expected);
    expect(result.groundTruth).toMatchObject({ found: result.groundTruth.expected, missing: 0, duplicated: 0 });
  });

  it('takes the core tables from --tables instead of inferring them', { timeout: 60_000 }, async () => {
    const tables = join(PROJECT_ROOT, 'tools', 'mocks', 'dataverse', 'tables', 'coe-core.yaml');
    const run = await simulateInProcess([...SMALL_TENANT, '--solution', COE_RELEASE, '--tables', tables, '--json'], join(built.dir, 'coe-tables.html'));
    const result = parse(run);
    expect(run.status).toBe(0);
    expect(result.tables).toEqual({ admin_apps: 'tables-file', admin_auditlogs: 'tables-file', admin_flows: 'tables-file' });
    expect(result.groundTruth).toMatchObject({ found: result.groundTruth.expected, missing: 0, duplicated: 0 });
  });

  it('is caught dropping the content past the first page: exit 1, missing > 0, named in the summary', { timeout: 60_000 }, () => {
    const run = simulateCli([...SMALL_TENANT, '--solution', COE_RELEASE, '--page-size', '1'], join(built.dir, 'coe-paged.html'));
    expect(run.status).toBe(1);
    const missing = Number(/ground truth {2}expected \d+, found \d+, missing (\d+), duplicated 0: MISMATCH/.exec(run.stdout)?.[1]);
    expect(missing).toBeGreaterThan(0);
    expect(run.stdout).toMatch(new RegExp(`PROBLEM {7}${missing} launch events of the read windows are not in admin_auditlogs: \\d+ ListContent answers had a NextPageUri and the flow asked for no later page: content past the first page is dropped`));
    expect(run.stdout).toContain('simulation FAILED');
  });

  it('is caught leaving a minute unread each day (its window ends a minute before the run, the next starts a day before)', { timeout: 60_000 }, async () => {
    const run = await simulateInProcess([...SMALL_TENANT, '--days', '2', '--solution', COE_RELEASE, '--json'], join(built.dir, 'coe-gap.html'));
    const result = parse(run);
    expect(run.status).toBe(1);
    expect(result.groundTruth).toMatchObject({ found: result.groundTruth.expected, missing: 0 });
    expect(result.problems).toEqual(['the read windows leave 1 gap between runs, never read: 2026-11-10T23:59:00.000Z to 2026-11-11T00:00:00.000Z']);
  });
});
