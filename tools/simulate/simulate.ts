import { performance } from 'node:perf_hooks';
import { InputError } from '../core/errors.js';
import { readJsonFile } from '../core/read-input.js';
import { writeFileAtomic } from '../core/atomic-write.js';
import { recurrenceTimes, runFlow, type LoadedWorkflow, type RunResult } from '../engine/index.js';
import { defineTables, startDataverse, type RunningDataverse } from '../mocks/dataverse/index.js';
import { startMailSink, type MailSink } from '../mocks/mail/index.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD, DEFAULT_LEGACY_USER, DEFAULT_RESOURCE, DEFAULT_TENANT_ID } from '../mocks/o365/index.js';
import { isGuid, type TenantCatalog } from '../mocks/tenant/index.js';
import { connectorCalls } from './flow-scan.js';
import { allRows } from './all-rows.js';
import { directDataverseTransport } from './direct-transport.js';
import { loopbackTransport, type LoopbackTransport } from './loopback-transport.js';
import { fetchTransport } from '../engine/connectors/transport.js';
import { bindConnections, type BoundConnection } from './bindings.js';
import { FigureCounter, mergeWindows, type RunFigures } from './figures.js';
import { importLegacyPackage } from './legacy-input.js';
import type { SimulateOptions } from './options.js';
import { renderReportHtml } from './report/html.js';
import { reportRuns } from './report/from-history.js';
import type { ReportData, ReportRun } from './report/model.js';
import { importSolution } from './solution-input.js';
import { planTables } from './tables.js';
import { startO365Service, type O365Service } from './o365-service.js';
import { SharedClock } from './shared-clock.js';

const DAY_MS = 86_400_000;
const ADMIN_MAIL = 'coe-admin@contoso.example';

/** The machine-readable result of `ppkit simulate` (`--json`). */
export interface SimulationResult {
  ok: boolean;
  solution: string;
  option: 1 | 2;
  period: { from: string; to: string };
  /** The synthetic tenant the mock served (its id comes from admin_TenantID of --settings when that is a GUID). */
  tenant: { id: string; users: number; apps: number; seed: string };
  /** Where the Office 365 mock ran: a worker thread (the default) or the simulation's own thread. */
  o365Thread: 'worker' | 'main';
  runs: { succeeded: number; failed: number };
  childRuns: { succeeded: number; failed: number };
  blobs: number;
  records: number;
  launches: number;
  rowsCreated: number;
  duplicatesSkipped: number;
  /** Content blobs the flows skipped because the API answered them expired (AF20051). */
  expiredSkipped: number;
  /**
   * `expected`: launch events a client could read in the windows the flows read; `unavailable`: those
   * that lived only in blobs that expired before they were read (AF20051), which no client can read:
   * reported apart, never counted missing.
   */
  groundTruth: { expected: number; found: number; missing: number; duplicated: number; unexpected: number; unavailable: number; windows: number };
  /** Error answers of the Office 365 mock, by status and operation (`403 ListContentDetails`): throttling, server errors... */
  faults: Record<string, number>;
  /** StartSubscription answers "already enabled" (HTTP 400 AF20024), which clients treat as success. */
  subscriptionAlreadyEnabled: number;
  retries: Record<string, number>;
  mails: number;
  perApp: { appId: string; app: string; launches: number; uniqueUsers: number }[];
  tables: Record<string, string>;
  connections: { key: string; target: string }[];
  problems: string[];
  wallTimeMs: number;
  report: string;
}

export interface SimulationHooks {
  /** One plain line of progress (not a TTY). */
  log?(line: string): void;
  /** Called after each parent run, for a progress bar. */
  progress?(state: { done: number; total: number; records: number; rows: number; elapsedMs: number }): void;
}

/**
 * `ppkit simulate`: imports a packaged solution into local services (Office 365 Management API
 * mock, Dataverse emulator, mail sink), runs its recurring flow over the simulated days on a fake
 * clock, and checks the Dataverse table against the synthetic tenant's ground truth.
 */
export async function simulate(options: SimulateOptions, hooks: SimulationHooks = {}): Promise<SimulationResult> {
  const started = performance.now();
  const log = hooks.log ?? (() => undefined);
  // Every input is read before the local services start (only the mock's worker thread starts
  // while the solution is read), so a bad one fails fast with its own message.
  const settings = readSettings(options.settingsFile);
  const tenantId = pickTenantId(settings);
  const firstDay = startOfDay(options.start ? Date.parse(options.start) : Date.now() - options.days * DAY_MS);
  if (!Number.isFinite(firstDay)) throw new InputError(`--start: expected an ISO date, got "${options.start}"`);
  const from = firstDay + DAY_MS;
  const to = firstDay + (options.days + 1) * DAY_MS;
  // Shared with the Office 365 mock's worker thread: both read the same simulated time.
  const clock = new SharedClock(from);
  const now = () => new Date(clock.now());

  let o365: O365Service | undefined;
  let o365Starting: Promise<O365Service> | undefined;
  let dataverse: RunningDataverse | undefined;
  let mail: MailSink | undefined;
  let loopback: LoopbackTransport | undefined;
  try {
    // The mock's worker thread starts while the solution is read and the Dataverse emulator and the mail sink start.
    o365Starting = startO365Service(
      {
        tenantId,
        seed: options.seed,
        startCooldownMinutes: 0,
        pageSize: options.pageSize,
        tenant: {
          seed: options.seed,
          tenantId,
          users: options.users,
          apps: options.apps,
          launchesPerDay: options.eventsPerDay,
          duplicateRate: options.faults.duplicate,
          lateArrivalRate: options.faults.late,
          activityStart: new Date(firstDay - DAY_MS).toISOString(),
        },
        faults: {
          throttleRate: options.faults.throttle,
          serverErrorRate: options.faults.serverError,
          expiredBlobRate: options.faults.expired,
          latencyMs: options.faults.latencyMs || undefined,
        },
      },
      clock,
      options.o365Thread,
    );
    o365Starting.catch(() => undefined); // awaited below, or stopped in finally
    const imported = options.option === 2 ? await importLegacyPackage(options.solution) : await importSolution(options.solution);
    // Child flows get the caller's connections (X-MS-APIM-Tokens) from the engine itself, as the platform gives them.
    const workflows = imported.flows.workflows;
    const parent = workflows.find((w) => Object.values(w.definition.triggers ?? {}).some((t) => t.type.toLowerCase() === 'recurrence'));
    if (!parent) throw new InputError('no flow with a Recurrence trigger in the solution: nothing to schedule', { file: options.solution });
    const children = workflows.filter((w) => w !== parent);
    log(`imported ${imported.uniqueName || options.solution}${imported.version ? ` ${imported.version}` : ''}: ${workflows.map((w) => `"${w.name}"`).join(', ')}`);
    const tables = planTables(imported.tables, options.tablesFiles, workflows);
    dataverse = await startDataverse({ tables: defineTables(tables.definitions), dbFile: options.dbFile, now });
    mail = await startMailSink({ now });
    o365 = await o365Starting;
    if (options.option === 1) await o365.startSubscriptions(subscribedContentTypes(workflows), firstDay - DAY_MS);
    seedInventory(dataverse, o365.catalog);
    const auditSet = options.auditTable;
    const auditTable = safeTable(dataverse, auditSet);
    if (!auditTable) throw new InputError(`the flows write no table "${auditSet}" and no solution or --tables defines it: name the audit log table with --audit-table`);
    const rowsBefore = dataverse.store.rowCount(auditSet);

    const bound = bindConnections(workflows, imported.connectors, options.connectors, options.ownConnectorsDir, {
      o365Url: o365.url,
      tenantId: o365.tenantId,
      clientId: DEFAULT_CLIENT_ID,
      clientSecret: DEFAULT_CLIENT_SECRET,
      resource: DEFAULT_RESOURCE,
      legacyUser: DEFAULT_LEGACY_USER,
      legacyPassword: DEFAULT_LEGACY_PASSWORD,
      dataverseUrl: dataverse.url,
      mailUrl: mail.url,
    });
    for (const b of bound) log(`connection ${b.key} -> ${b.target}`);
    // A given fetch carries every request (tests intercept them); else the local services get kept-alive sockets.
    const sockets = options.fetch ? fetchTransport(options.fetch) : (loopback = loopbackTransport([o365.url, dataverse.url, mail.url], fetchTransport(globalThis.fetch)));
    const http = options.wrapTransport ? options.wrapTransport(sockets) : sockets;
    const transport = options.transport === 'direct' ? directDataverseTransport(dataverse, http) : http;
    const connections = Object.fromEntries(bound.map((b: BoundConnection) => [b.key, b.config]));
    const parameters: Record<string, unknown> = { ...imported.flows.environmentVariables, ...settings, admin_TenantID: o365.tenantId };
    if (!parameters.admin_AdminMail) parameters.admin_AdminMail = ADMIN_MAIL;

    const trigger = Object.values(parent.definition.triggers ?? {}).find((t) => t.type.toLowerCase() === 'recurrence')!;
    const times = recurrenceTimes((trigger as unknown as { recurrence: Parameters<typeof recurrenceTimes>[0] }).recurrence, from, to, 100_000);
    log(`running "${parent.name}" ${times.length} time${times.length === 1 ? '' : 's'} from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}`);

    const counter = new FigureCounter();
    const figures = counter.figures;
    const reportRunsList: ReportRun[] = [];
    const timeline: NonNullable<ReportData['timeline']> = [];
    const secrets = [DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD];
    let done = 0;
    // What the first run reads (a recurrence interval before it), then during each run what the next one reads.
    if (times.length > 0) o365.prepare(times[0]! - ((times[1] ?? times[0]! + DAY_MS) - times[0]!), times[0]!);
    for (const [index, time] of times.entries()) {
      clock.setTime(time);
      if (index + 1 < times.length) o365.prepare(time, times[index + 1]!);
      // A fresh copy of the definitions per run, as the service reads the stored definition each time
      // (and so no run can see another's values through a shared literal).
      // Only the runs the report shows in detail keep their actions' inputs and outputs; the figures
      // are counted as each action finishes, so the others keep an outline (a 100k-event simulation
      // would otherwise hold every payload until its end).
      const detailed = reportRunsList.length < options.detailedRuns;
      const result: RunResult = await runFlow({
        workflow: structuredClone(parent),
        childFlows: children.map((c) => structuredClone(c)),
        connections,
        parameters,
        clock,
        fetch: options.fetch,
        transport,
        trigger: { scheduledTime: new Date(time).toISOString() },
        onActionComplete: counter.onActionComplete,
        historyDetail: detailed ? 'full' : 'outline',
      });
      counter.endRun(result.history);
      const parentRun = result.history;
      timeline.push({ flow: parentRun.workflowName, status: parentRun.status, startTime: new Date(parentRun.start).toISOString(), endTime: new Date(parentRun.end).toISOString(), child: false });
      for (const child of parentRun.childRuns) timeline.push({ flow: child.workflowName, status: child.status, startTime: new Date(child.start).toISOString(), endTime: new Date(child.end).toISOString(), child: true });
      if (detailed) reportRunsList.push(...reportRuns(result.history, workflows, { maxIterations: 25, secrets, maxRuns: options.detailedRuns - reportRunsList.length }));
      done++;
      const state = { done, total: times.length, records: figures.records, rows: dataverse.store.rowCount(auditSet) - rowsBefore, elapsedMs: performance.now() - started };
      hooks.progress?.(state);
      log(`run ${done}/${times.length} at ${new Date(time).toISOString()}: ${result.status}${result.error ? ` (${result.error.code}: ${result.error.message})` : ''}; records ${state.records}, rows ${state.rows}`);
    }

    // Ground truth: every LaunchPowerApp record of the windows the flows read, exactly once
    // (read from the mock's tenant where the mock runs: its days are generated there already).
    const windows = mergeWindows(figures.windows);
    // Asked first: a worker answers while this thread reads the rows.
    const truthAnswer = o365.groundTruth(figures.windows, options.option === 2 ? 'creationTime' : 'contentCreated');
    const faultAnswer = o365.faultLog();
    // Only the columns the check and the figures read (the key, app, user, creation time).
    const read = [auditTable.primaryId.jsonName, 'admin_appid', '_admin_applookup_value', 'admin_userupn', 'admin_creationtime'].filter((name) => auditTable.byJsonName.has(name));
    const rows = allRows(dataverse.store, auditSet, { select: read });
    const [truth, { statusCounts, alreadyEnabled }] = await Promise.all([truthAnswer, faultAnswer]);
    const expected = new Set(truth.expected);
    const primary = auditTable.primaryId.logicalName;
    const stored = new Map<string, number>();
    for (const row of rows) {
      const id = String(row[primary] ?? '').toLowerCase();
      stored.set(id, (stored.get(id) ?? 0) + 1);
    }
    let found = 0;
    for (const id of expected) if (stored.has(id)) found++;
    const duplicated = [...stored.values()].filter((n) => n > 1).length;
    const unexpected = [...stored.keys()].filter((id) => !expected.has(id)).length;
    const groundTruth = { expected: expected.size, found, missing: expected.size - found, duplicated, unexpected, unavailable: truth.unreadable.length, windows: windows.length };
    const rowsCreated = rows.length - rowsBefore;
    const perApp = launchesPerApp(rows, o365.catalog);
    const problems: string[] = [];
    const runsFailed = figures.parentRuns.failed;
    if (runsFailed > 0) problems.push(`${runsFailed} run${runsFailed === 1 ? '' : 's'} of "${parent.name}" failed`);
    if (groundTruth.missing > 0) problems.push(`${groundTruth.missing} launch event${groundTruth.missing === 1 ? '' : 's'} of the read windows are not in ${auditSet}: ${missingCause(figures)}`);
    if (groundTruth.duplicated > 0) problems.push(`${groundTruth.duplicated} launch events are stored more than once`);
    if (windows.length > 1) {
      const gaps = windows.slice(1).map(([start], i) => `${new Date(windows[i]![1]).toISOString()} to ${new Date(start).toISOString()}`);
      problems.push(`the read windows leave ${gaps.length} gap${gaps.length === 1 ? '' : 's'} between runs, never read: ${gaps.slice(0, 3).join(', ')}${gaps.length > 3 ? ', ...' : ''}`);
    }

    const result: SimulationResult = {
      ok: problems.length === 0,
      solution: options.solution,
      option: options.option,
      period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      tenant: { id: o365.tenantId, users: options.users, apps: options.apps, seed: options.seed },
      o365Thread: o365.thread,
      runs: figures.parentRuns,
      childRuns: figures.childRuns,
      blobs: figures.blobs,
      records: figures.records,
      launches: figures.launches,
      rowsCreated,
      duplicatesSkipped: Math.max(0, figures.launches - rowsCreated),
      expiredSkipped: figures.expiredSkipped,
      groundTruth,
      faults: statusCounts,
      subscriptionAlreadyEnabled: alreadyEnabled,
      retries: figures.retries,
      mails: mail.messages.length,
      perApp,
      tables: Object.fromEntries(tables.origin),
      connections: bound.map((b) => ({ key: b.key, target: b.target })),
      problems,
      wallTimeMs: Math.round(performance.now() - started),
      report: options.reportFile,
    };
    writeFileAtomic(options.reportFile, renderReportHtml({ ...reportData(result, figures, reportRunsList, rows, options, times.length), timeline }));
    return result;
  } finally {
    loopback?.close();
    const o365Stopped = o365 ? o365.stop() : o365Starting?.then((started) => started.stop(), () => undefined);
    await Promise.all([o365Stopped, dataverse?.stop(), mail?.stop()]);
  }
}

function readSettings(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  const value = readJsonFile(file) as { EnvironmentVariables?: { SchemaName?: string; Value?: unknown }[] };
  if (!value || typeof value !== 'object' || !Array.isArray(value.EnvironmentVariables)) {
    throw new InputError('expected a deployment settings file with "EnvironmentVariables": [{"SchemaName", "Value"}]', { file, pointer: '/EnvironmentVariables' });
  }
  const values: Record<string, unknown> = {};
  value.EnvironmentVariables.forEach((entry, index) => {
    if (!entry || typeof entry.SchemaName !== 'string') throw new InputError('expected "SchemaName" (a string)', { file, pointer: `/EnvironmentVariables/${index}/SchemaName` });
    if (entry.Value !== undefined && entry.Value !== null && entry.Value !== '') values[entry.SchemaName] = entry.Value;
  });
  return values;
}

function pickTenantId(settings: Record<string, unknown>): string {
  const given = settings.admin_TenantID;
  return typeof given === 'string' && isGuid(given) ? given.toLowerCase() : DEFAULT_TENANT_ID;
}

/** Why records went missing, as far as the run history tells. */
function missingCause(figures: RunFigures): string {
  const unfollowed = figures.pagesWithMore - figures.laterPagesRead;
  if (unfollowed > 0) {
    return `${figures.pagesWithMore} ListContent answer${figures.pagesWithMore === 1 ? '' : 's'} had a NextPageUri and the flow asked for ${figures.laterPagesRead === 0 ? 'no later page' : `only ${figures.laterPagesRead} later page${figures.laterPagesRead === 1 ? '' : 's'}`}: content past the first page is dropped`;
  }
  const failed = Object.entries(figures.failedActions).map(([code, n]) => `${n}x ${code}`).join(', ');
  return failed ? `actions failed (${failed})` : 'the flow drops records';
}

/** The content types the flows list or start: the admin starts their subscriptions before the first run (see O365Host). */
function subscribedContentTypes(workflows: readonly LoadedWorkflow[]): string[] {
  const contentTypes = new Set<string>();
  for (const call of workflows.flatMap(connectorCalls)) {
    const contentType = call.parameters.contentType;
    if (/^(ListContent|StartSubscription)$/.test(call.operationId) && typeof contentType === 'string') contentTypes.add(contentType);
  }
  return [...contentTypes];
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function safeTable(dataverse: RunningDataverse, entitySet: string) {
  try {
    return dataverse.store.table(entitySet);
  } catch {
    return undefined;
  }
}

/** The inventory the CoE core solution would hold: one admin_apps row per app, keyed by the app's id. */
function seedInventory(dataverse: RunningDataverse, catalog: TenantCatalog): void {
  const table = safeTable(dataverse, 'admin_apps');
  if (!table) return;
  const columns = new Set(table.columns.map((c) => c.logicalName));
  const primary = table.primaryId.logicalName;
  for (const app of catalog.apps) {
    const row: Record<string, unknown> = { [primary]: app.id };
    if (columns.has('admin_displayname')) row.admin_displayname = app.displayName;
    if (columns.has('admin_appid') && primary !== 'admin_appid') row.admin_appid = app.id;
    try {
      dataverse.store.update('admin_apps', app.id, row);
    } catch {
      // an app row that cannot be written (odd column types in a given table file) only loses a lookup target
    }
  }
}

function launchesPerApp(rows: Record<string, unknown>[], catalog: TenantCatalog): SimulationResult['perApp'] {
  const names = new Map(catalog.apps.map((a) => [a.id.toLowerCase(), a.displayName]));
  const byApp = new Map<string, { launches: number; users: Set<string> }>();
  for (const row of rows) {
    const appId = String(row.admin_appid ?? row._admin_applookup_value ?? 'unknown').toLowerCase();
    const entry = byApp.get(appId) ?? { launches: 0, users: new Set<string>() };
    entry.launches++;
    if (row.admin_userupn) entry.users.add(String(row.admin_userupn).toLowerCase());
    byApp.set(appId, entry);
  }
  return [...byApp]
    .map(([appId, e]) => ({ appId, app: names.get(appId) ?? appId, launches: e.launches, uniqueUsers: e.users.size }))
    .sort((a, b) => b.launches - a.launches || a.app.localeCompare(b.app));
}

function reportData(result: SimulationResult, figures: RunFigures, runs: ReportRun[], rows: Record<string, unknown>[], options: SimulateOptions, totalRuns: number): ReportData {
  const perDay = new Map<string, number>();
  for (const row of rows) {
    const day = String(row.admin_creationtime ?? '').slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const faults: Record<string, number> = {};
  for (const [answer, n] of Object.entries(result.faults)) faults[`HTTP ${answer} answered by the mock`] = n;
  for (const [status, n] of Object.entries(result.retries)) faults[`retries after ${status}`] = n;
  return {
    title: `ppkit simulation: ${result.ok ? 'all launch events stored' : 'PROBLEMS FOUND'}`,
    generatedAt: new Date().toISOString(),
    solution: options.solution,
    tenant: { users: options.users, apps: options.apps, days: options.days, seed: options.seed },
    summary: [
      { id: 'runs-succeeded', label: 'runs succeeded', value: result.runs.succeeded },
      { id: 'runs-failed', label: 'runs failed', value: result.runs.failed },
      { id: 'child-runs', label: 'child runs', value: result.childRuns.succeeded + result.childRuns.failed },
      { id: 'blobs', label: 'content blobs read', value: result.blobs },
      { id: 'records', label: 'audit records seen', value: result.records },
      { id: 'launches', label: 'launch events seen', value: result.launches },
      { id: 'rows-created', label: 'rows created', value: result.rowsCreated },
      { id: 'duplicates-skipped', label: 'duplicates skipped', value: result.duplicatesSkipped },
      { id: 'expired-skipped', label: 'expired blobs skipped', value: result.expiredSkipped },
      { id: 'mails', label: 'failure mails', value: result.mails },
      { id: 'wall-time', label: 'wall time', value: `${(result.wallTimeMs / 1000).toFixed(1)} s` },
    ],
    groundTruth: { ...result.groundTruth, ok: result.groundTruth.missing === 0 && result.groundTruth.duplicated === 0 },
    problems: result.problems,
    launchesPerDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, launches]) => ({ day, launches })),
    launchesPerApp: result.perApp.map((a) => ({ app: a.app, launches: a.launches, uniqueUsers: a.uniqueUsers })),
    faults,
    runs,
    totalRuns: totalRuns + figures.childRuns.succeeded + figures.childRuns.failed,
  };
}

export type { LoadedWorkflow };
