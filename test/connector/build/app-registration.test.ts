import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runPpkit } from '../../helpers/cli.js';
import { runCli } from '../../../tools/cli/program.js';
import type { CliIo } from '../../../tools/cli/context.js';

/** Runs the CLI in this process (same code path as the binary, minus the process start). */
async function runInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = { stdout: '', stderr: '' };
  const cliIo: CliIo = { color: false, isTTY: false, stdout: (t) => void (io.stdout += t), stderr: (t) => void (io.stderr += t) };
  const status = await runCli(args, cliIo);
  return { status, ...io };
}

// These tests spawn the CLI; on a loaded machine one spawn can take seconds.
vi.setConfig({ testTimeout: 120_000 });

const FIXTURES = join('test', 'connector', 'build', 'fixtures', 'service-principal');
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('ppkit connector app-registration', () => {
  it('names the permissions of the CoE setup page and prints no unverified GUID', () => {
    const run = runPpkit(['connector', 'app-registration', '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.resource).toEqual({ displayName: 'Office 365 Management APIs', identifierUri: 'https://manage.office.com', resourceAppId: null });
    expect(report.permissions.map((p: { kind: string; value: string; type: string }) => `${p.kind} ${p.value} ${p.type}`)).toEqual([
      'delegated ActivityFeed.Read Scope',
      'application ActivityFeed.Read Role',
      'application ServiceHealth.Read Role',
    ]);
    expect(report.permissions.every((p: { id: unknown }) => p.id === null)).toBe(true);
    expect(report.requiredResourceAccess).toBeNull();
    expect(report.verification).toMatch(/^unverified: /);
    expect(report.lookup).toBe('az ad sp show --id https://manage.office.com > office365-management-apis.json');
    expect(run.stdout).not.toMatch(GUID);
  });

  it('says so in the text output too', async () => {
    const run = await runInProcess(['connector', 'app-registration']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/delegated\s+ActivityFeed\.Read\s+Scope id: unverified/);
    expect(run.stdout).toMatch(/application ServiceHealth\.Read Role\s+id: unverified/);
    expect(run.stdout).toMatch(/requiredResourceAccess: not printed/);
    expect(run.stdout).not.toMatch(GUID);
  });

  it('builds requiredResourceAccess from the tenant service principal given with --service-principal', () => {
    const run = runPpkit(['connector', 'app-registration', '--json', '--service-principal', join(FIXTURES, 'office365-management-apis.json')]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa',
        resourceAccess: [
          { id: 'eeeeeeee-5555-4555-8555-eeeeeeeeeeee', type: 'Scope' },
          { id: 'bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb', type: 'Role' },
          { id: 'cccccccc-3333-4333-8333-cccccccccccc', type: 'Role' },
        ],
      },
    ]);
    expect(report.verification).toMatch(/^from the service principal in /);
  });

  it.each([
    ['missing-role.json', /no application permission "ServiceHealth\.Read" with a GUID id in appRoles \(at \/appRoles\)/],
    ['graph.json', /not the Office 365 Management APIs: its servicePrincipalNames do not include https:\/\/manage\.office\.com/],
    ['no-such-file.json', /file not found or not readable/],
  ])('refuses %s with exit 1', async (file, message) => {
    const run = await runInProcess(['connector', 'app-registration', '--service-principal', join(FIXTURES, file)]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('connector command group', () => {
  it.each([['build'], ['app-registration']])('connector %s --help shows an example', async (command) => {
    const run = await runInProcess(['connector', command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n\s+\$ ppkit connector|Examples:\n\s+\$ az /);
  });
});

describe('ppkit connector build (spawned)', () => {
  it('prints what it wrote, and a JSON summary with --json', async () => {
    const { mkdtempSync, rmSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'ppkit-connector-cli-'));
    try {
      const text = runPpkit(['connector', 'build', '--source', 'office365-audit-logs', '--out', out]);
      expect(text.status).toBe(0);
      expect(text.stdout.trim().split('\n')).toEqual([
        `wrote ${join(out, 'connector/office365-audit-logs/public')} (public: outlook.office365.com, 1 operation, 4 files)`,
        `wrote ${join(out, 'connector/office365-audit-logs/gcc')} (gcc: outlook.office365.com, 1 operation, 4 files)`,
      ]);
      const json = runPpkit(['connector', 'build', '--source', 'office365-management-api', '--cloud', 'dod', '--out', out, '--json']);
      expect(json.status).toBe(0);
      const summary = JSON.parse(json.stdout);
      expect(summary).toMatchObject({ ok: true, outDir: out, skipped: [] });
      expect(summary.built).toHaveLength(1);
      expect(summary.built[0]).toMatchObject({ name: 'office365-management-api', cloud: 'dod', host: 'manage.protection.apps.mil', operations: 7, folder: 'connector/office365-management-api/dod' });
      for (const file of summary.built[0].files) expect(existsSync(join(out, file)), file).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
