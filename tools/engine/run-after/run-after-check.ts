import type { PlannedAction, RunAfterEdge } from '../definition/plan.js';
import type { ActionRun } from '../history/action-run.js';
import { statusBit } from './status-numbers.js';

/** Why an action does not run: the first predecessor that ended in a status its runAfter does not accept. */
export interface UnmetCondition {
  predecessor: string;
  expected: readonly string[];
  actual: string;
}

/**
 * Checks an action's runAfter against its predecessors' records (all already finished: the graph
 * runs in runAfter order). Returns when the action may start (its last predecessor's end), and the
 * unmet condition if any.
 */
export function checkRunAfter(action: PlannedAction, slots: ReadonlyArray<ActionRun | undefined>, earliest: number): { start: number; unmet?: UnmetCondition } {
  let start = earliest;
  let unmet: UnmetCondition | undefined;
  const edges = action.runAfter;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as RunAfterEdge;
    const record = slots[edge.slot];
    const actual = record === undefined ? 'Skipped' : record.status;
    if (record !== undefined && record.end > start) start = record.end;
    if (unmet === undefined && (edge.mask & statusBit(actual)) === 0) unmet = { predecessor: edge.name, expected: [...edge.statuses], actual };
  }
  return unmet ? { start, unmet } : { start };
}

/** The message Logic Apps writes on a skipped action. */
export function skippedMessage(action: string, unmet: UnmetCondition): string {
  return `The execution of template action '${action}' is skipped: the 'runAfter' condition for action '${unmet.predecessor}' is not satisfied. Expected status values '${unmet.expected.join("' and '")}' and actual value '${unmet.actual}'.`;
}
