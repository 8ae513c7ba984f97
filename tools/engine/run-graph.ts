import type { RunStatus } from '../expressions/context.js';
import type { PlannedGraph } from './definition/plan.js';
import { ActionRun } from './history/action-run.js';
import type { Frame } from './context/run-state.js';
import { graphStatus } from './run-after/branch-status.js';
import { checkRunAfter, skippedMessage } from './run-after/run-after-check.js';
import { runAction } from './run-action.js';

export interface GraphResult {
  status: RunStatus;
  /** When the graph's last action ended (virtual ms). */
  end: number;
  /** Records of the graph's own (top-level) actions, in run order: what `result()` returns. */
  records: ActionRun[];
}

/**
 * Runs a graph of actions (the flow, a Scope, a branch, one loop iteration) in runAfter order.
 * Each action starts when its last predecessor ended, so parallel branches overlap in virtual
 * time. After a Terminate, the actions not yet run are recorded as Skipped.
 */
export async function runGraph(graph: PlannedGraph, frame: Frame, start: number): Promise<GraphResult> {
  const run = frame.run;
  const records: ActionRun[] = [];
  let end = start;
  for (const action of graph.order) {
    if (run.terminated) {
      const skipped = skip(action.name, action.definition.type, frame, end);
      skipped.error = { code: 'ActionSkipped', message: `The execution of template action '${action.name}' is skipped: the run was terminated by action '${run.terminated.by}'.` };
      records.push(skipped);
      continue;
    }
    const check = checkRunAfter(action, frame.records, start);
    let record: ActionRun;
    if (check.unmet) {
      record = skip(action.name, action.definition.type, frame, check.start);
      record.error = { code: 'ActionConditionFailed', message: skippedMessage(action.name, check.unmet) };
    } else {
      record = await runAction(action, frame, check.start);
    }
    records.push(record);
    if (record.end > end) end = record.end;
  }
  return { status: graphStatus(graph, frame.records), end, records };
}

function skip(name: string, type: string, frame: Frame, at: number): ActionRun {
  const record = new ActionRun(name, type, at, frame.repetition);
  record.status = 'Skipped';
  record.code = 'ActionSkipped';
  frame.records.set(name, record);
  frame.run.latest.set(name, record);
  frame.run.history.add(record);
  return record;
}
