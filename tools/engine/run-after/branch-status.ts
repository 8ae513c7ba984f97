import type { RunStatus } from '../../expressions/context.js';
import type { PlannedAction, PlannedGraph } from '../definition/plan.js';
import type { ActionRun } from '../history/action-run.js';

/** Failed, TimedOut and Aborted fail a branch (a switch: this runs once per graph pass). */
function failing(status: RunStatus): boolean {
  return status === 'Failed' || status === 'TimedOut' || status === 'Aborted';
}

/**
 * The status of a graph of actions (a run, a Scope, a branch) by Logic Apps' documented rule: each
 * branch ends in a leaf action; a Skipped leaf counts as its predecessor's status; if any branch
 * ends in failure the whole is Failed, otherwise Succeeded. So a Failed action whose handler
 * (runAfter Failed) succeeds leaves the whole Succeeded, the try/catch pattern.
 */
export function graphStatus(graph: PlannedGraph, slots: ReadonlyArray<ActionRun | undefined>): RunStatus {
  // Fast path (a pass whose leaves all succeeded), small enough to inline into every pass loop.
  const leaves = graph.leaves;
  for (let i = 0; i < leaves.length; i++) {
    const record = slots[(leaves[i] as PlannedAction).slot];
    if (record === undefined || record.status !== 'Succeeded') return leafStatuses(graph, slots);
  }
  return 'Succeeded';
}

function leafStatuses(graph: PlannedGraph, slots: ReadonlyArray<ActionRun | undefined>): RunStatus {
  let cancelled = false;
  for (const leaf of graph.leaves) {
    const record = slots[leaf.slot];
    // Fast path: a leaf that ran decides its branch by itself.
    const status = record && record.status !== 'Skipped' ? record.status : effectiveStatus(leaf.name, graph, slots, new Set());
    if (failing(status)) return 'Failed';
    if (status === 'Cancelled') cancelled = true;
  }
  return cancelled ? 'Cancelled' : 'Succeeded';
}

function effectiveStatus(name: string, graph: PlannedGraph, slots: ReadonlyArray<ActionRun | undefined>, seen: Set<string>): RunStatus {
  const action = graph.byName.get(name);
  const record = action ? slots[action.slot] : undefined;
  if (!record) return 'Skipped';
  if (record.status !== 'Skipped') return record.status;
  if (seen.has(name)) return 'Skipped';
  seen.add(name);
  let worst: RunStatus = 'Skipped';
  for (const edge of action?.runAfter ?? []) {
    const status = effectiveStatus(edge.name, graph, slots, seen);
    if (failing(status)) return 'Failed';
    if (status === 'Cancelled' || (status === 'Succeeded' && worst === 'Skipped')) worst = status;
  }
  return worst;
}
