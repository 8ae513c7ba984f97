import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startO365Mock, type O365Mock, type O365MockOptions } from '../../../tools/mocks/o365/index.js';
import { runCli } from '../../../tools/cli/program.js';
import type { CliIo } from '../../../tools/cli/context.js';
import { spawnPpkit, spawnPpkitServer } from './helpers.js';

/** The CLI in-process (same program, same exit codes) for the long case tables; a few cases spawn it. */
async function runInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let out = '';
  let err = '';
  const memory: CliIo = { color: false, isTTY: false, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const status = await runCli(args, memory);
  return { status, stdout: out, stderr: err };
}

const TENANT = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = 'cli-test-secret-value';
const SWAGGER = join(import.meta.dirname, 'fixtures', 'office365-management-api.swagger.json');

describe('ppkit mock o365 (spawned)', () => {
  let server: Awaited<ReturnType<typeof spawnPpkitServer>>;
  let url: string;
  beforeAll(async () => {
    server = await spawnPpkitServer(['mock', 'o365', '--port', '0', '--tenant', TENANT, '--client-id', CLIENT, '--client-secret', SECRET, '--seed', 'cli']);
    url = server.firstLine.replace('listening on ', '');
  }, 30_000);
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('prints exactly one line "listening on http://127.0.0.1:<port>" when ready', () => {
    expect(server.firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output().stdout).toBe(`${server.firstLine}\n`);
  });

  it('connector test StartSubscription answers (200) as the setup page says, built from the swagger', async () => {
    const run = await spawnPpkit(['connector', 'test', 'StartSubscription', '--param', `Tenant=${TENANT}`, '--param', `PublisherIdentifier=${CLIENT}`, '--base-url', url, '--connector', SWAGGER, '--client-id', CLIENT], { PPKIT_CLIENT_SECRET: SECRET });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`(200) POST ${url}/api/v1.0/${TENANT}/activity/feed/subscriptions/start?contentType=Audit.General&PublisherIdentifier=${CLIENT}`);
    expect(JSON.parse(run.stdout.slice(run.stdout.indexOf('\n') + 1))).toEqual({ contentType: 'Audit.General', status: 'enabled', webhook: null });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  }, 30_000);

  it('connector test ListContent --json, then a second StartSubscription gives 400 AF20024 and exit 1', async () => {
    const list = await runInProcess(['connector', 'test', 'ListContent', '--param', `Tenant=${TENANT}`, '--param', 'contentType=Audit.General', '--base-url', url, '--connector', SWAGGER, '--client-id', CLIENT, '--client-secret', SECRET, '--json']);
    expect(list.status).toBe(0);
    const answer = JSON.parse(list.stdout) as { status: number; body: { contentUri: string }[] };
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThan(0);
    const again = await runInProcess(['connector', 'test', 'StartSubscription', '--param', `Tenant=${TENANT}`, '--base-url', url, '--connector', SWAGGER, '--client-id', CLIENT, '--client-secret', SECRET]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('(400) POST');
    expect(again.stdout).toContain('AF20024');
  }, 30_000);

  it.each([
    [['connector', 'test', 'NoSuchOperation', '--param', `Tenant=${TENANT}`, '--connector', SWAGGER], 1, /no operation NoSuchOperation in the connector definition \(operations: StartSubscription, StopSubscription/],
    [['connector', 'test', 'ListContentDetails', '--param', `Tenant=${TENANT}`, '--connector', SWAGGER], 2, /needs parameter contentId \(path\)/],
    [['connector', 'test', 'ListSubscriptions', '--param', `Tenant=${TENANT}`, '--param', 'Bogus=1', '--connector', SWAGGER], 2, /has no parameter Bogus/],
    [['connector', 'test', 'ListSubscriptions', '--param', `Tenant=${TENANT}`, '--connector', '/nonexistent/swagger.json'], 1, /\/nonexistent\/swagger.json: file not found/],
  ])('connector test refuses bad input with one line: %j', async (args, status, message) => {
    const run = await runInProcess(args);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('stops on SIGTERM with exit code 0, never having logged the secret', async () => {
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.output().stderr).not.toContain(SECRET);
    expect(server.output().stderr).toMatch(/POST \/api\/v1\.0\/.*\/subscriptions\/start 200/);
  }, 30_000);
});

describe('ppkit connector test with a basic-authentication connector (legacy Option 2)', () => {
  const LEGACY = join(import.meta.dirname, 'fixtures', 'office365-audit-logs.swagger.json');
  it.each([
    [[], 0, '(200) GET'],
    [['--password', 'wrong'], 1, '(401) GET'],
  ])('GetActivitiesByOperation %j', async (extra, status, line) => {
    const mock = await startO365Mock({});
    try {
      const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const run = await runInProcess(['connector', 'test', 'GetActivitiesByOperation', '--param', `StartDate=${start}`, '--param', `EndDate=${new Date().toISOString().slice(0, 19)}`, '--base-url', mock.url, '--connector', LEGACY, ...extra]);
      expect(run.status).toBe(status);
      expect(run.stdout).toContain(`${line} ${mock.url}/psws/service.svc/UnifiedAuditLog?StartDate=`);
      expect(run.stdout).toContain('Operations=LaunchPowerApp%2CDeletePowerApp%2CDeleteFlow');
      if (status === 0) expect(run.stdout).toContain('"AuditData": "{');
    } finally {
      await mock.stop();
    }
  }, 30_000);
});

describe('ppkit doctor', () => {
  it('against a mock with audit logging off: exit 1, the failure mapped in text form', async () => {
    const mock = await startO365Mock({ faults: { auditLog: 'off' } });
    try {
      const run = await runInProcess(['doctor', '--base-url', mock.url]);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^FAIL start-subscription: \(400\) StartSubscription \[CorrId=/m);
      expect(run.stdout).toMatch(/^     -> audit-log-off: Are audit logs enabled\?/m);
      expect(run.stdout).toMatch(/^     -> just-enabled: /m);
    } finally {
      await mock.stop();
    }
  }, 30_000);

  it('spawned, passes every check against the mock it starts by default', async () => {
    const run = await spawnPpkit(['doctor']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ok   token/m);
    expect(run.stdout).toMatch(/^ok   start-subscription: \(200\)/m);
    expect(run.stdout).toMatch(/^ok   list-content: \(200\) \d+ content blobs listed/m);
  }, 30_000);

  const OTHER = '99999999-8888-4777-8666-555555555555';
  it.each<[string, O365MockOptions, string[], string, string[]]>([
    ['audit log off', { faults: { auditLog: 'off' } }, [], 'start-subscription', ['audit-log-off', 'just-enabled']],
    ['audit log just enabled', { faults: { auditLogEnabledAt: new Date().toISOString() } }, [], 'start-subscription', ['audit-log-off', 'just-enabled']],
    ['no permission (no admin consent)', { appPermissions: [] }, [], 'start-subscription', ['no-permission']],
    ['wrong tenant id', {}, ['--tenant', OTHER], 'token', ['wrong-tenant-id']],
    ['resource URL with a trailing slash', {}, ['--resource', 'https://manage.office.com/'], 'start-subscription', ['resource-url']],
    ['resource URL with a trailing space', {}, ['--resource', 'https://manage.office.com '], 'start-subscription', ['resource-url']],
    ['resource URL with other characters', {}, ['--resource', 'https://manage.office.com.x'], 'token', ['resource-url']],
    ['app registration missing', {}, ['--client-id', OTHER], 'token', ['app-registration']],
    ['connector security not updated (wrong secret)', {}, ['--client-secret', 'the-old-one'], 'token', ['connector-security']],
  ])('maps %s to the setup page item', async (_name, mockOptions, args, failing, causes) => {
    const mock: O365Mock = await startO365Mock({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, ...mockOptions });
    try {
      const withSecret = args.includes('--client-secret') ? args : ['--client-secret', SECRET, ...args];
      const run = await runInProcess(['doctor', '--base-url', mock.url, '--tenant', TENANT, '--client-id', CLIENT, '--json', ...withSecret]);
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as { ok: boolean; checks: { id: string; ok: boolean; causes: { id: string }[] }[] };
      expect(report.ok).toBe(false);
      const failed = report.checks.find((c) => !c.ok)!;
      expect(failed.id).toBe(failing);
      expect(failed.causes.map((c) => c.id)).toEqual(causes);
      expect(run.stdout).not.toContain(SECRET);
    } finally {
      await mock.stop();
    }
  }, 30_000);
});
