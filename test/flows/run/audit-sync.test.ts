import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectors } from '../../../tools/connector/build/build-connector.js';
import { historyToJson, runFlow, workflowFromJson, type LoadedWorkflow } from '../../../tools/engine/index.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD, DEFAULT_LEGACY_USER, type O365Mock } from '../../../tools/mocks/o365/index.js';
import { startDataverse, loadTablesFiles, COE_CORE_TABLES_FILE, type RunningDataverse } from '../../../tools/mocks/dataverse/index.js';
import { startMailSink, type MailSink } from '../../../tools/mocks/mail/index.js';
import { renderAll } from '../../../tools/flows/render/index.js';
import { PROJECT_ROOT } from '../../helpers/cli.js';

/**
 * Golden runs of the rendered flows on the local emulator: the parent "Admin | Sync Audit Logs"
 * calls the child per segment; the child talks through the built connector swagger to the
 * Office 365 Management Activity API mock and writes to the Dataverse emulator; failures mail the admin.
 */
const NOW = '2026-11-20T12:00:00Z';
const ADMIN = 'coe-admin@contoso.example';
const temp = mkdtempSync(join(tmpdir(), 'ppkit-flow-run-'));
let o365: O365Mock;
let dataverse: RunningDataverse;
let mail: MailSink;
let rendered: ReturnType<typeof renderAll>['flows'];
let swagger: string;

beforeAll(async () => {
  const clock = () => new Date(NOW);
  // Small pages and a tenant that stores some records twice: paging and idempotency both get exercised.
  o365 = await startO365Mock({ seed: 'flows-golden', now: clock, pageSize: 3, startCooldownMinutes: 0, tenant: { users: 8, apps: 4, launchesPerDay: 60, backgroundPerDay: 40, duplicateRate: 0.2 } });
  dataverse = await startDataverse({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]), now: clock });
  mail = await startMailSink({ now: clock });
  await buildConnectors({ outDir: temp, sources: ['office365-management-api'], clouds: ['public'] });
  swagger = join(temp, 'connector', 'office365-management-api', 'public', 'apiDefinition.swagger.json');
  rendered = renderAll({ root: PROJECT_ROOT }).flows;
}, 60_000);

afterAll(async () => {
  await Promise.all([o365?.stop(), dataverse?.stop(), mail?.stop()]);
  rmSync(temp, { recursive: true, force: true });
});

function connections() {
  return {
    'shared_admin-5foffice-20365-20management-20api': {
      baseUrl: o365.url,
      swagger,
      auth: { type: 'oauth2' as const, tokenUrl: `${o365.url}/${o365.tenantId}/oauth2/token`, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, resource: 'https://manage.office.com' },
    },
    shared_commondataserviceforapps: { baseUrl: dataverse.url },
    shared_office365: { baseUrl: mail.url },
  };
}

let runNumber = 0;

/** A fresh copy of a rendered flow for each run, as each run of the service reads the stored definition. */
function load(index: number): LoadedWorkflow {
  const flow = rendered[index]!;
  return workflowFromJson(structuredClone(flow.document), flow.relativePath, flow.name);
}

async function runParent(parameters: Record<string, unknown> = {}, fetchImpl?: typeof fetch) {
  const parent = load(0);
  const child = load(1);
  return runFlow({
    runId: `08585000000000000000000000000CU${String(++runNumber).padStart(2, '0')}`,
    workflow: parent,
    childFlows: [child],
    connections: connections(),
    now: NOW,
    fetch: fetchImpl,
    parameters: { admin_TenantID: o365.tenantId, admin_AdminMail: ADMIN, admin_StartTimeInterval: 6, admin_StartTimeUnit: 'Hour', admin_TimeIntervalInterval: 2, admin_TimeIntervalUnit: 'Hour', ...parameters },
  });
}

let firstRunLaunches = 0;

interface ChildCounts {
  blobs: number;
  records: number;
  launches: number;
  rowscreated: number;
  duplicatesskipped: number;
  expiredskipped: number;
}

/** The bodies the child runs responded with, as the parent's Run_a_Child_Flow actions received them. */
function childCounts(run: Awaited<ReturnType<typeof runFlow>>): ChildCounts[] {
  const history = historyToJson(run.history) as { actions: { name: string; outputs?: { body?: ChildCounts } }[] };
  return history.actions.filter((a) => a.name === 'Run_a_Child_Flow').map((a) => a.outputs!.body!);
}

function listContentCalls(run: Awaited<ReturnType<typeof runFlow>>): number {
  const history = historyToJson(run.history) as { childRuns: { actions: { name: string }[] }[] };
  return history.childRuns.flatMap((c) => c.actions).filter((a) => a.name === 'List_available_content').length;
}

function sum(counts: ChildCounts[]): ChildCounts {
  const total: ChildCounts = { blobs: 0, records: 0, launches: 0, rowscreated: 0, duplicatesskipped: 0, expiredskipped: 0 };
  for (const c of counts) for (const key of Object.keys(total) as (keyof ChildCounts)[]) total[key] += c[key];
  return total;
}

function storedIds(): string[] {
  return dataverse.store.query('admin_auditlogs', { select: ['admin_auditlogid'] }).rows.map((r) => String(r.admin_auditlogid)).sort();
}

describe('Admin | Sync Audit Logs on the local emulator', { timeout: 120_000 }, () => {
  it('stores every launch of the window once, paging to the end', async () => {
    const run = await runParent();
    expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
    const expected = o365.tenant.launchRecordIds({ from: Date.parse(NOW) - 6 * 3_600_000, to: Date.parse(NOW) }, { now: Date.parse(NOW), by: 'contentCreated' });
    expect(expected.length).toBeGreaterThan(0);
    expect(storedIds()).toEqual(expected);
    expect(mail.messages).toHaveLength(0);
    const counts = childCounts(run);
    // 6 hours in 2-hour segments: three child runs, their counts add up to what Dataverse holds.
    expect(counts).toHaveLength(3);
    const total = sum(counts);
    expect(total.rowscreated).toBe(expected.length);
    expect(total.launches).toBe(total.rowscreated + total.duplicatesskipped);
    expect(total.records).toBeGreaterThan(total.launches);
    firstRunLaunches = total.launches;
    // With 3 blobs a page, some segment needs more than one page: NextPageUri was followed.
    expect(listContentCalls(run)).toBeGreaterThan(counts.length);
  });

  it('writes nothing twice on a second run: every record is counted as a duplicate', async () => {
    const before = storedIds();
    const run = await runParent();
    expect(run.status).toBe('Succeeded');
    expect(storedIds()).toEqual(before);
    const total = sum(childCounts(run));
    expect(total.rowscreated).toBe(0);
    expect(total.duplicatesskipped).toBe(firstRunLaunches);
  });

  it('skips and counts blobs that expired before they were read (AF20051); the run succeeds', async () => {
    o365.faults.expiredBlobRate = 0.3;
    try {
      const run = await runParent();
      expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
      expect(mail.messages).toHaveLength(0);
      const history = historyToJson(run.history) as { childRuns: { status: string; actions: { name: string; outputs?: { statusCode?: number; body?: { error?: { code?: string } } } }[] }[] };
      const expiredAnswers = history.childRuns.flatMap((c) => c.actions).filter((a) => a.name === 'Get_content_details' && a.outputs?.body?.error?.code === 'AF20051');
      expect(expiredAnswers.length).toBeGreaterThan(0);
      expect(history.childRuns.every((c) => c.status === 'Succeeded')).toBe(true);
      const total = sum(childCounts(run));
      expect(total.expiredskipped).toBe(expiredAnswers.length);
      // Every blob listed was either read or skipped as expired; nothing new is stored (the first test stored it all).
      expect(total.blobs).toBeGreaterThan(total.expiredskipped);
      expect(total.rowscreated).toBe(0);
    } finally {
      o365.faults.expiredBlobRate = 0;
    }
  });

  it('still fails the child run on any other ListContentDetails failure (a malformed content id, AF20052)', async () => {
    // The blob requests reach the mock with a mangled content id: it answers 400 AF20052, which is no expiry.
    const mangling: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      return fetch(url.replace(/\/activity\/feed\/audit\/[^/?]+/, '/activity/feed/audit/not-a-content-id'), init);
    };
    const run = await runParent({ admin_StartTimeInterval: 2 }, mangling);
    expect(run.status).toBe('Failed');
    const history = historyToJson(run.history) as { childRuns: { status: string; error?: unknown; actions: { name: string; outputs?: { body?: { error?: { code?: string } } } }[] }[] };
    expect(history.childRuns.flatMap((c) => c.actions).some((a) => a.name === 'Get_content_details' && a.outputs?.body?.error?.code === 'AF20052')).toBe(true);
    expect(JSON.stringify(history.childRuns.map((c) => c.error))).toMatch(/ApiCallsFailed/);
  });

  it('stops with a clear message on a bad setting, before calling the API', async () => {
    const run = await runParent({ admin_StartTimeUnit: 'Fortnight' });
    expect(run.status).toBe('Failed');
    expect(JSON.stringify(run.error)).toMatch(/InvalidSettings|StartTime-Unit \(Fortnight\)/);
  });

  it.each([
    [{ admin_StartTimeInterval: 8, admin_StartTimeUnit: 'Day' }, /7 days/],
    [{ admin_TimeIntervalInterval: 2, admin_TimeIntervalUnit: 'Day' }, /24 hours/],
  ])('refuses the window %j', async (parameters, message) => {
    const run = await runParent(parameters);
    expect(run.status).toBe('Failed');
    expect(JSON.stringify(run.error)).toMatch(message);
  });

  it('mails the admin and ends Failed when a child run fails', async () => {
    o365.faults.serverErrorRate = 1;
    try {
      const run = await runParent({ admin_StartTimeInterval: 2 });
      expect(run.status).toBe('Failed');
      expect(mail.messages.length).toBeGreaterThan(0);
      expect(mail.messages.at(-1)!.To).toBe(ADMIN);
      expect(mail.messages.at(-1)!.Subject).toMatch(/Failure Notice/);
    } finally {
      o365.faults.serverErrorRate = 0;
    }
  });
});

describe('legacy Admin | Sync Audit Logs (Option 2) on the local emulator', { timeout: 120_000 }, () => {
  it('pages the unified audit log search and stores each launch once, also on a second run', async () => {
    await buildConnectors({ outDir: temp, sources: ['office365-audit-logs'], clouds: ['public'] });
    const legacySwagger = join(temp, 'connector', 'office365-audit-logs', 'public', 'apiDefinition.swagger.json');
    const flow = renderAll({ root: PROJECT_ROOT, params: { pageSize: '4' } }).flows.find((f) => f.format === 'legacy')!;
    const legacyDataverse = await startDataverse({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]), now: () => new Date(NOW) });
    try {
      const run = (n: number) =>
        runFlow({
          runId: `08585000000000000000000000000LG${n}`,
          workflow: workflowFromJson(structuredClone(flow.document), flow.relativePath, flow.name),
          now: NOW,
          connections: {
            'shared_office-20365-20audit-20logs': { baseUrl: o365.url, swagger: legacySwagger, auth: { type: 'basic', username: DEFAULT_LEGACY_USER, password: DEFAULT_LEGACY_PASSWORD } },
            shared_commondataserviceforapps: { baseUrl: legacyDataverse.url },
          },
        });
      const first = await run(1);
      expect(first.status, JSON.stringify(first.error)).toBe('Succeeded');
      const expected = o365.tenant.launchRecordIds({ from: Date.parse(NOW) - 86_400_000, to: Date.parse(NOW) }, { now: Date.parse(NOW) });
      expect(expected.length).toBeGreaterThan(4);
      const stored = () => legacyDataverse.store.query('admin_auditlogs', { select: ['admin_auditlogid'] }).rows.map((r) => String(r.admin_auditlogid)).sort();
      expect(stored()).toEqual(expected);
      const pages = (historyToJson(first.history) as { actions: { name: string }[] }).actions.filter((a) => a.name === 'GetActivitiesByOperation').length;
      expect(pages).toBeGreaterThan(1);
      const second = await run(2);
      expect(second.status).toBe('Succeeded');
      expect(stored()).toEqual(expected);
    } finally {
      await legacyDataverse.stop();
    }
  });
});
