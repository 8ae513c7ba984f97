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

/** A failed record whose meaning waits for its run's outcome (a succeeding run handled it). */
interface PendingFailure {
  throttled: boolean;
  expired: boolean;
  /** The error code counted as a failed action, unless the run's outcome says otherwise. */
  code: string | undefined;
}

/**
 * Counts the figures while the runs go, from each finished action record (runFlow's
 * `onActionComplete`), so a run's history need not keep the payloads (historyDetail `outline`).
 * `endRun` adds a finished parent run and its child runs: failures a succeeding run handled
 * (throttling it retried, expired blobs it skipped) are told apart from real ones only then.
 */
export class FigureCounter {
  readonly figures = emptyFigures();
  private readonly seenWindows = new Set<string>();
  private readonly pending = new WeakMap<RunHistory, PendingFailure[]>();

  /** For runFlow's `onActionComplete`: every record of the parent run and of its child runs. */
  readonly onActionComplete = (record: ActionRun, run: RunHistory): void => {
    const figures = this.figures;
    const retries = record.retries;
    if (retries) {
      for (const retry of retries) {
        const key = retry.statusCode !== undefined ? String(retry.statusCode) : (retry.code ?? 'error');
        figures.retries[key] = (figures.retries[key] ?? 0) + 1;
      }
    }
    if (record.status === 'Failed') {
      const failure: PendingFailure = { throttled: throttled(record), expired: expired(record), code: record.error && !alreadyEnabled(record) ? record.error.code : undefined };
      const list = this.pending.get(run);
      if (list) list.push(failure);
      else this.pending.set(run, [failure]);
    }
    countRecord(figures, record, this.seenWindows);
  };

  /** Adds a finished parent run (and its child runs): run outcomes and the failures that depend on them. */
  endRun(history: RunHistory): void {
    const figures = this.figures;
    const visit = (run: RunHistory, depth: number) => {
      const bucket = depth === 0 ? figures.parentRuns : figures.childRuns;
      const succeeded = run.status === 'Succeeded';
      if (succeeded) bucket.succeeded++;
      else bucket.failed++;
      for (const failure of this.pending.get(run) ?? []) {
        // A throttled call (403 AF429) in a run that still succeeded was retried by the flow itself.
        if (succeeded && failure.throttled) figures.retries['403 AF429'] = (figures.retries['403 AF429'] ?? 0) + 1;
        // An expired blob (AF20051) in a run that still succeeded was skipped by the flow, as a client should.
        if (succeeded && failure.expired) figures.expiredSkipped++;
        else if (failure.code !== undefined) figures.failedActions[failure.code] = (figures.failedActions[failure.code] ?? 0) + 1;
      }
      this.pending.delete(run);
      for (const child of run.childRuns) visit(child, depth + 1);
    };
    visit(history, 0);
  }
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
