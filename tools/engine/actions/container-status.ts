import type { GraphResult } from '../run-graph.js';
import type { ActionRun } from '../history/action-run.js';
import { outcome, type Outcome } from './action-type.js';

export const ACTION_FAILED = { code: 'ActionFailed', message: 'An action failed. No dependent actions succeeded.' };

/**
 * A container's outcome from its branch: Failed when the branch ended in failure (the Scope rule,
 * applied to If/Switch/Foreach/Until too). The container ends when its last action ended. Scope,
 * Foreach and Until keep their (last) pass's records for `result()`, as documented.
 */
export function containerOutcome(record: ActionRun, result: GraphResult, extra: Outcome = {}, keepResult = false): Outcome {
  if (keepResult) record.resultRecords = result.frame?.records() ?? [];
  if (result.end > record.end) record.end = result.end;
  if (result.status === 'Failed') return outcome(extra.inputs, extra.outputs, 'Failed', ACTION_FAILED);
  // A shared succeeded outcome (an If's, frozen) is already the answer: no new object per pass.
  if (result.status === 'Succeeded' && extra.status === 'Succeeded' && extra.error === undefined && extra.code === undefined) return extra;
  return outcome(extra.inputs, extra.outputs, result.status === 'Cancelled' ? 'Cancelled' : 'Succeeded');
}
