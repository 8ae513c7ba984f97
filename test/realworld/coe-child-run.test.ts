/**
 * The CoE Starter Kit's own "[Child] Admin | Sync Logs" (test/realworld/fixtures/coe-starter-kit, as
 * published upstream, unchanged) run on the local emulator: its trigger payload is what the parent's
 * "Run a Child Flow" sends (tenant, start, end) with the X-MS-APIM-Tokens header every designer-made
 * child flow reads its connections from; the Office 365 Management API calls go through ppkit's built
 * connector swagger to the O365 mock (the operation ids and parameter names are the CoE connector's),
 * Dataverse writes to the emulator with the CoE core tables.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectors } from '../../tools/connector/build/build-connector.js';
import { historyToJson, loadWorkflow, runFlow, type LoadedWorkflow } from '../../tools/engine/index.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type O365Mock } from '../../tools/mocks/o365/index.js';
import { startDataverse, loadTablesFiles, COE_CORE_TABLES_FILE, type RunningDataverse } from '../../tools/mocks/dataverse/index.js';
import { startMailSink, type MailSink } from '../../tools/mocks/mail/index.js';
import { COE_AUDIT_LOGS, CHILD_FLOW, PARENT_FLOW, runPpkitAsync } from './fixtures.js';

const NOW = '2026-11-20T12:00:00Z';
const START = '2026-11-20T09:00:00Z';
const END = '2026-11-20T12:00:00Z';
/** The CoE child's connection reference key for its Office 365 Management API connection. */
const O365_REFERENCE = 'shared_admin-5foffice-20365-20management-20api-5f7fc9343cf45734fe';
const temp = mkdtempSync(join(tmpdir(), 'ppkit-realworld-run-'));
let o365: O365Mock;
let dataverse: RunningDataverse;
let mail: MailSink;
let swagger: string;
let child: LoadedWorkflow;
let parent: LoadedWorkflow;

beforeAll(async () => {
  const clock = () => new Date(NOW);
  o365 = await startO365Mock({ seed: 'realworld-coe', now: clock, pageSize: 50, startCooldownMinutes: 0, tenant: { users: 6, apps: 3, launchesPerDay: 48, backgroundPerDay: 30, duplicateRate: 0 } });
  dataverse = await startDataverse({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]), now: clock });
  mail = await startMailSink({ now: clock });
  await buildConnectors({ outDir: temp, sources: ['office365-management-api'], clouds: ['public'] });
  swagger = join(temp, 'connector', 'office365-management-api', 'public', 'apiDefinition.swagger.json');
  // The CoE core solution's inventory: one admin_apps row per app, the lookup target of each audit log.
  for (const app of o365.tenant.catalog.apps) dataverse.store.update('admin_apps', app.id, { admin_appid: app.id, admin_displayname: app.displayName });
  await startSubscription(o365);
  child = (await loadWorkflow(join(COE_AUDIT_LOGS, 'Workflows', CHILD_FLOW))).workflow;
  parent = (await loadWorkflow(join(COE_AUDIT_LOGS, 'Workflows', PARENT_FLOW))).workflow;
}, 60_000);

afterAll(async () => {
  await Promise.all([o365?.stop(), dataverse?.stop(), mail?.stop()]);
  rmSync(temp, { recursive: true, force: true });
});

/** The setup page's one-time step: start the Audit.General subscription (the child flow only lists content). */
async function startSubscription(o365: O365Mock): Promise<void> {
  const token = await fetch(`${o365.url}/${o365.tenantId}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, resource: 'https://manage.office.com' }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const started = await fetch(`${o365.url}/api/v1.0/${o365.tenantId}/activity/feed/subscriptions/start?contentType=Audit.General&PublisherIdentifier=${o365.tenantId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(started.status, await started.clone().text()).toBeLessThan(300);
}

function connections(api: O365Mock = o365) {
  return {
    [O365_REFERENCE]: {
      baseUrl: api.url,
      swagger,
      auth: { type: 'oauth2' as const, tokenUrl: `${api.url}/${api.tenantId}/oauth2/token`, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, resource: 'https://manage.office.com' },
    },
    shared_commondataserviceforapps: { baseUrl: dataverse.url },
    shared_office365: { baseUrl: mail.url },
  };
}

/** What the parent's Run_a_Child_Flow sends: the body, and the caller's connections in X-MS-APIM-Tokens (an opaque placeholder here). */
function trigger(start: string, end: string) {
  const tokens = Buffer.from(JSON.stringify({ $ConnectionKey: 'Key realworld-test-placeholder' })).toString('base64');
  return { headers: { 'X-MS-APIM-Tokens': tokens }, body: { text: o365.tenantId, text_1: start, text_2: end } };
}

function storedIds(): string[] {
  return dataverse.store.query('admin_auditlogs', { select: ['admin_auditlogid'] }).rows.map((r) => String(r.admin_auditlogid)).sort();
}

describe('[Child] Admin | Sync Logs (CoE Starter Kit, unchanged) on the local emulator', { timeout: 120_000 }, () => {
  it('stores each app launch of the window once and responds 200 to its parent', async () => {
    const run = await runFlow({ workflow: structuredClone(child), connections: connections(), trigger: trigger(START, END), now: NOW, runId: '08585000000000000000000000000RW01' });
    expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
    expect(run.response).toMatchObject({ statusCode: 200, body: { response: '200' } });
    const expected = o365.tenant.launchRecordIds({ from: Date.parse(START), to: Date.parse(END) }, { now: Date.parse(NOW), by: 'contentCreated' });
    expect(expected.length).toBeGreaterThan(0);
    expect(storedIds()).toEqual(expected);
    // One page of content: the "need smaller chunks" mail is not sent.
    expect(mail.messages).toHaveLength(0);
    const history = historyToJson(run.history) as { actions: { name: string; status: string }[] };
    expect(history.actions.find((a) => a.name === 'List_audit_log_content')?.status).toBe('Succeeded');
  });

  it('a second run over the same window adds nothing: each insert fails on the duplicate key, the failure is handled and the run succeeds', async () => {
    const before = storedIds();
    const run = await runFlow({ workflow: structuredClone(child), connections: connections(), trigger: trigger(START, END), now: NOW, runId: '08585000000000000000000000000RW02' });
    expect(storedIds()).toEqual(before);
    // "Catch, already inserted" runs only after a successful insert, so it is skipped; the next lookup runs
    // after Succeeded or Skipped, so the Switch case ends well and, as in the service, the run succeeds.
    expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
    const text = JSON.stringify(historyToJson(run.history));
    expect(text).toMatch(/"name":"Insert_Audit_Log_record_\(Current_Environment\)"[^}]*"status":"Failed"/);
  });

  it('the CoE parent "Admin | Sync Audit Logs" (unchanged) splits its window into segments and runs this child for each', async () => {
    // Parameters by environment variable schema name, as a deployment settings file gives them.
    const run = await runFlow({
      workflow: structuredClone(parent),
      childFlows: [structuredClone(child)],
      connections: connections(),
      now: NOW,
      runId: '08585000000000000000000000000RW03',
      parameters: { admin_TenantID: o365.tenantId, admin_AdminMail: 'coe-admin@contoso.example', admin_StartTimeInterval: 6, admin_StartTimeUnit: 'Hour', admin_TimeIntervalInterval: 2, admin_TimeIntervalUnit: 'Hour' },
    });
    expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
    const history = historyToJson(run.history) as { actions: { name: string; status: string }[]; childRuns: { status: string }[] };
    const childCalls = history.actions.filter((a) => a.name === 'Run_a_Child_Flow');
    // 06:00 to 11:59 in 2-hour segments: 06-08, 08-10, 10-12, and the last partial segment the Condition appends.
    expect(childCalls.length).toBeGreaterThanOrEqual(3);
    expect(childCalls.every((a) => a.status === 'Succeeded')).toBe(true);
    expect(history.childRuns.every((c) => c.status === 'Succeeded')).toBe(true);
    const expected = o365.tenant.launchRecordIds({ from: Date.parse(NOW) - 6 * 3_600_000, to: Date.parse(NOW) - 60_000 }, { now: Date.parse(NOW), by: 'contentCreated' });
    expect(expected.length).toBeGreaterThan(0);
    const stored = new Set(storedIds());
    expect(expected.filter((id) => !stored.has(id))).toEqual([]);
    expect(mail.messages).toHaveLength(0);
  });

  it('runs from the CLI as a user would: ppkit flow run <child.json> --trigger --connections --now --json', async () => {
    const payload = join(temp, 'trigger.json');
    const bindings = join(temp, 'connections.json');
    writeFileSync(payload, JSON.stringify(trigger('2026-11-20T04:00:00Z', '2026-11-20T06:00:00Z')));
    writeFileSync(bindings, JSON.stringify(connections()));
    const run = await runPpkitAsync(['flow', 'run', join(COE_AUDIT_LOGS, 'Workflows', CHILD_FLOW), '--trigger', payload, '--connections', bindings, '--now', NOW, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; actions: Record<string, { status: string }> };
    expect(result.status).toBe('Succeeded');
    expect(result.actions.Respond_to_a_PowerApp_or_flow?.status).toBe('Succeeded');
    // The client secret of the binding never reaches the output.
    expect(run.stdout).not.toContain(DEFAULT_CLIENT_SECRET);
    const expected = o365.tenant.launchRecordIds({ from: Date.parse('2026-11-20T04:00:00Z'), to: Date.parse('2026-11-20T06:00:00Z') }, { now: Date.parse(NOW), by: 'contentCreated' });
    const stored = new Set(storedIds());
    expect(expected.filter((id) => !stored.has(id))).toEqual([]);
  });

  it('more content than one page: the kit (as published) does not follow NextPageUri, it mails the admin to use smaller chunks', async () => {
    const clock = () => new Date(NOW);
    const paged = await startO365Mock({ seed: 'realworld-coe', now: clock, pageSize: 1, startCooldownMinutes: 0, tenant: { users: 6, apps: 3, launchesPerDay: 48, backgroundPerDay: 30, duplicateRate: 0 } });
    try {
      await startSubscription(paged);
      const before = mail.messages.length;
      const payload = trigger(START, END);
      payload.body.text = paged.tenantId;
      const run = await runFlow({ workflow: structuredClone(child), connections: connections(paged), trigger: payload, now: NOW, runId: '08585000000000000000000000000RW05' });
      expect(run.status, JSON.stringify(run.error)).toBe('Succeeded');
      const sent = mail.messages.slice(before);
      expect(sent).toHaveLength(1);
      expect(JSON.stringify(sent[0])).toContain('CoE Audit Logs - Missing some logs - require smaller chunks');
      const history = historyToJson(run.history) as { actions: { name: string; status: string }[] };
      expect(history.actions.find((a) => a.name === 'Send_an_email_(V2)')?.status).toBe('Succeeded');
      expect(history.actions.filter((a) => a.name === 'List_audit_log_content')).toHaveLength(1);
    } finally {
      await paged.stop();
    }
  });
});
