import type { ActionRun, RunHistory } from '../engine/index.js';

/** What the runs did, read from their history: the same for ppkit's flows and the CoE kit's own. */
export interface RunFigures {
  parentRuns: { succeeded: number; failed: number };
  childRuns: { succeeded: number; failed: number };
  /** Content blobs fetched (ListContentDetails) or legacy search pages (GetActivitiesByOperation). */
  blobs: number;
  /** Audit records in what was fetched, duplicates across blobs included. */
  records: number;
  /** LaunchPowerApp records among them. */
  launches: number;
  /** ListContent answers that said more pages follow (a NextPageUri header). */
  pagesWithMore: number;
  /** ListContent calls that asked for a later page (a nextPage parameter). */
  laterPagesRead: number;
  /** Read windows the flows asked the API for: [start, end) in ms. */
  windows: [number, number][];
  /** Retries the engine made, by HTTP status (or error code). */
  retries: Record<string, number>;
  /** Actions that failed, by error code. */
  failedActions: Record<string, number>;
  /** ListContentDetails answers "expired" (AF20051) that a succeeding run skipped: no client can read those blobs. */
  expiredSkipped: number;
}

export function emptyFigures(): RunFigures {
  return { parentRuns: { succeeded: 0, failed: 0 }, childRuns: { succeeded: 0, failed: 0 }, blobs: 0, records: 0, launches: 0, pagesWithMore: 0, laterPagesRead: 0, windows: [], retries: {}, failedActions: {}, expiredSkipped: 0 };
}

/** Adds one parent run (and its child runs) to the figures. */
export function addRun(figures: RunFigures, history: RunHistory): void {
  const seen = new Set(figures.windows.map(([a, b]) => `${a}|${b}`));
  const visit = (run: RunHistory, depth: number) => {
    const bucket = depth === 0 ? figures.parentRuns : figures.childRuns;
    if (run.status === 'Succeeded') bucket.succeeded++;
    else bucket.failed++;
    for (const record of run.records) {
      for (const retry of record.retries ?? []) {
        const key = retry.statusCode !== undefined ? String(retry.statusCode) : (retry.code ?? 'error');
        figures.retries[key] = (figures.retries[key] ?? 0) + 1;
      }
      // A throttled call (403 AF429) in a run that still succeeded was retried by the flow itself.
      if (run.status === 'Succeeded' && record.status === 'Failed' && throttled(record)) figures.retries['403 AF429'] = (figures.retries['403 AF429'] ?? 0) + 1;
      // An expired blob (AF20051) in a run that still succeeded was skipped by the flow, as a client should.
      if (run.status === 'Succeeded' && record.status === 'Failed' && expired(record)) figures.expiredSkipped++;
      else if (record.status === 'Failed' && record.error && !alreadyEnabled(record)) figures.failedActions[record.error.code] = (figures.failedActions[record.error.code] ?? 0) + 1;
      countRecord(figures, record, seen);
    }
    for (const child of run.childRuns) visit(child, depth + 1);
  };
  visit(history, 0);
}

/** StartSubscription's "already enabled" (HTTP 400 AF20024) fails the action, but every client treats it as success. */
function alreadyEnabled(record: ActionRun): boolean {
  const body = (record.outputs as { body?: { error?: { code?: unknown } } } | undefined)?.body;
  return body?.error?.code === 'AF20024';
}

function expired(record: ActionRun): boolean {
  const body = (record.outputs as { body?: { error?: { code?: unknown } } } | undefined)?.body;
  return body?.error?.code === 'AF20051';
}

function throttled(record: ActionRun): boolean {
  const outputs = record.outputs as { statusCode?: unknown; body?: { error?: { code?: unknown } } } | undefined;
  return outputs?.statusCode === 403 && outputs.body?.error?.code === 'AF429';
}

function countRecord(figures: RunFigures, record: ActionRun, seen: Set<string>): void {
  const inputs = record.inputs as { host?: { operationId?: string }; parameters?: Record<string, unknown> } | undefined;
  const operation = inputs?.host?.operationId;
  if (!operation) return;
  const parameters = inputs?.parameters ?? {};
  const window = (start: unknown, end: unknown) => {
    const a = typeof start === 'string' ? Date.parse(start) : NaN;
    const b = typeof end === 'string' ? Date.parse(end) : NaN;
    if (Number.isFinite(a) && Number.isFinite(b) && !seen.has(`${a}|${b}`)) {
      seen.add(`${a}|${b}`);
      figures.windows.push([a, b]);
    }
  };
  if (operation === 'ListContent') window(parameters.startTime, parameters.endTime);
  if (record.status !== 'Succeeded') return;
  if (operation === 'ListContent') {
    const headers = (record.outputs as { headers?: Record<string, unknown> } | undefined)?.headers ?? {};
    if (Object.entries(headers).some(([name, value]) => name.toLowerCase() === 'nextpageuri' && typeof value === 'string' && value !== '')) figures.pagesWithMore++;
    if (typeof parameters.nextPage === 'string' && parameters.nextPage !== '') figures.laterPagesRead++;
  }
  const body = (record.outputs as { body?: unknown } | undefined)?.body;
  if (operation === 'ListContentDetails' && Array.isArray(body)) {
    figures.blobs++;
    figures.records += body.length;
    figures.launches += body.filter((r) => (r as { Operation?: string })?.Operation === 'LaunchPowerApp').length;
  }
  if (operation === 'GetActivitiesByOperation') {
    window(parameters.StartDate, parameters.EndDate);
    const value = (body as { value?: unknown[] } | undefined)?.value;
    if (!Array.isArray(value)) return;
    figures.blobs++;
    figures.records += value.length;
    for (const row of value) {
      const data = (row as { AuditData?: unknown })?.AuditData;
      try {
        const parsed = typeof data === 'string' ? (JSON.parse(data) as { Operation?: string }) : (data as { Operation?: string } | undefined);
        if (parsed?.Operation === 'LaunchPowerApp') figures.launches++;
      } catch {
        // a malformed AuditData string is the flow's problem; it counts as a record only
      }
    }
  }
}

/** Merges overlapping or touching windows; the ground truth is read over the merged spans. */
export function mergeWindows(windows: readonly [number, number][]): [number, number][] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
