import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { RECORDED, type Outcome } from '../actions/action-type.js';
import { applyOutcome, executionFor, failRecord } from '../run-action.js';
import type { CompiledLeaf } from './compiled-graph.js';
import { endLeaf, placeLeaf } from './leaf-record.js';

/**
 * A leaf action (a variable action without a step of its own) as a leaf run: run-action.ts's
 * runAction, execute and finish for an action whose type answers synchronously, without the
 * checks that cannot apply (no timeout, no tracked properties: compilable.ts). The action type
 * itself does the work.
 */
export function typeLeaf(action: PlannedAction): CompiledLeaf {
  return {
    run: (frame, record) => runType(action, frame, record),
    step: (frame) => runType(action, frame, placeLeaf(action, frame)),
  };
}

function runType(action: PlannedAction, frame: Frame, record: ActionRun): ActionRun {
  try {
    const outcome = action.type.run(executionFor(action, frame, record)) as Outcome;
    if (outcome !== RECORDED) applyOutcome(record, outcome);
  } catch (error) {
    failRecord(record, action.name, error);
  }
  return endLeaf(frame, record);
}
