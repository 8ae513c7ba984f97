import type { RunResult } from '../runner.js';
import type { ActionRun } from '../history/action-run.js';
import { SECURED } from '../history/serialize.js';

export interface ActionSummary {
  status: string;
  outputs?: unknown;
  error?: { code: string; message: string };
  /** The action's `trackedProperties` as evaluated after it finished, or why they could not be. */
  trackedProperties?: unknown;
  trackedPropertiesError?: { code: string; message: string };
  /** Actions inside loops: one entry per repetition, in the order they ran. */
  iterations?: Array<{ repetition: readonly number[]; status: string; outputs?: unknown; error?: { code: string; message: string }; trackedProperties?: unknown; trackedPropertiesError?: { code: string; message: string } }>;
}

/**
 * The `ppkit flow run --json` shape: `{status, outputs, actions: {name: {status, outputs}}, error}`.
 * An action inside loops lists its iterations; its own status is Failed if any iteration failed,
 * else the last iteration's. Secured values stay masked.
 */
export function runSummary(result: RunResult): { status: string; outputs: Record<string, unknown>; response?: RunResult['response']; actions: Record<string, ActionSummary>; error: unknown } {
  const actions: Record<string, ActionSummary> = {};
  for (const record of result.history.records) {
    const outputs = shownOutputs(record);
    if (!record.repetition) {
      actions[record.name] = { status: record.status, ...(outputs === undefined ? {} : { outputs }), ...(record.error ? { error: record.error } : {}), ...tracked(record) };
      continue;
    }
    const summary = (actions[record.name] ??= { status: record.status, iterations: [] });
    summary.iterations?.push({ repetition: record.repetition, status: record.status, ...(outputs === undefined ? {} : { outputs }), ...(record.error ? { error: record.error } : {}), ...tracked(record) });
    summary.status = summary.status === 'Failed' || record.status === 'Failed' ? 'Failed' : record.status;
  }
  // A Request-triggered flow's answer (Response / "Respond to a PowerApp or flow"), as its caller receives it.
  return { status: result.status, outputs: result.outputs, ...(result.response ? { response: result.response } : {}), actions, error: result.error ?? null };
}

function tracked(record: ActionRun): Pick<ActionSummary, 'trackedProperties' | 'trackedPropertiesError'> {
  if (record.trackedProperties === undefined && !record.trackedPropertiesError) return {};
  return record.trackedPropertiesError ? { trackedPropertiesError: record.trackedPropertiesError } : { trackedProperties: record.trackedProperties };
}

function shownOutputs(record: ActionRun): unknown {
  if (record.outputs === undefined) return undefined;
  return record.secureOutputs ? SECURED : record.outputs;
}

/** A plain-text table: one line per top-level action, loop actions as counts per status. */
export function runTable(result: RunResult): string {
  const rows: string[][] = [['ACTION', 'TYPE', 'STATUS', 'DURATION', 'DETAIL']];
  const grouped = new Map<string, ActionRun[]>();
  for (const record of result.history.records) grouped.set(record.name, [...(grouped.get(record.name) ?? []), record]);
  for (const [name, records] of grouped) {
    const first = records[0] as ActionRun;
    if (!first.repetition) {
      rows.push([name, first.type, first.status, duration(first.end - first.start), detail(first)]);
    } else {
      const counts = new Map<string, number>();
      for (const r of records) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      const failed = records.find((r) => r.status === 'Failed');
      rows.push([name, first.type, [...counts].map(([s, n]) => `${s} x${n}`).join(', '), duration(records.reduce((sum, r) => sum + (r.end - r.start), 0)), failed ? detail(failed) : '']);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.min(48, Math.max(...rows.map((r) => (r[c] ?? '').length))));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.slice(0, 48).padEnd(widths[c] as number))).join('  ').trimEnd()).join('\n');
}

function detail(record: ActionRun): string {
  const retries = record.retries?.length ? `${record.retries.length} retr${record.retries.length === 1 ? 'y' : 'ies'}; ` : '';
  if (record.error && record.status !== 'Skipped') return `${retries}${record.error.code}: ${record.error.message.slice(0, 160)}`;
  return retries.replace(/; $/, '');
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)}m`;
  return `${(ms / 3_600_000).toFixed(1)}h`;
}
