/**
 * What the HTML run report shows. The simulator fills it from the engine's run history and the
 * services' counters; the renderer (html.ts) only draws it. Values are already masked (mask.ts).
 */
export interface ReportActionNode {
  name: string;
  type: string;
  status: string;
  startTime?: string;
  endTime?: string;
  durationMs?: number;
  retries?: number;
  inputs?: unknown;
  outputs?: unknown;
  error?: unknown;
  /** Actions nested in a Scope / If branch / Switch case. */
  children?: ReportActionNode[];
  /** Foreach / Until iterations, each with its actions. */
  iterations?: { index: number; children: ReportActionNode[] }[];
}

export interface ReportRun {
  id: string;
  flow: string;
  status: string;
  startTime: string;
  endTime: string;
  parentRunId?: string;
  /** Short result figures of this run (rows created, ...). */
  figures?: Record<string, number>;
  error?: string;
  actions: ReportActionNode[];
}

export interface ReportData {
  title: string;
  generatedAt: string;
  solution: string;
  tenant: { users: number; apps: number; days: number; seed: number | string };
  /** Headline figures, in display order: label -> value. */
  summary: { label: string; value: string | number; id: string }[];
  /** `unavailable`: launch events only in blobs that expired before they were read (AF20051), not counted missing. */
  groundTruth: { expected: number; found: number; missing: number; duplicated: number; unavailable?: number; ok: boolean };
  /** What went wrong, one sentence each (failed runs, missing or duplicated events, gaps between windows). */
  problems: string[];
  launchesPerDay: { day: string; launches: number }[];
  launchesPerApp: { app: string; launches: number; uniqueUsers: number }[];
  faults: Record<string, number>;
  runs: ReportRun[];
  /** How many runs exist in all; `runs` may hold only the first ones in detail. */
  totalRuns: number;
  /** Every run (not only the detailed ones), for the timeline. */
  timeline?: { flow: string; status: string; startTime: string; endTime: string; child: boolean }[];
}
