import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { applyOutcome, failRecord } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph, Step } from './compiled-graph.js';
import { ifOutcome, storeIf, type Branching } from './branching.js';
import { runBranch, skipBranch, startContainer } from './branch-steps.js';

/**
 * An If as a step: branch-steps.ts's branchingStep for its two branches (`actions`, then `else`),
 * written out. The commonest container of loop bodies, so its choice, outcome and store are
 * direct calls rather than calls through its Branching. Same order of records: the branch taken
 * runs, and the other one is recorded Skipped, in branch order.
 */
export function ifStep(action: PlannedAction, branches: readonly CompiledGraph[], branching: Branching): Step {
  const whenTrue = branches[0] as CompiledGraph;
  const whenFalse = branches[1] as CompiledGraph;
  return (frame) => runIf(action, whenTrue, whenFalse, branching, frame);
}

function runIf(action: PlannedAction, whenTrue: CompiledGraph, whenFalse: CompiledGraph, branching: Branching, frame: Frame): ActionRun {
  const record = startContainer(action, frame);
  try {
    const decision = branching.decide(frame);
    let branch: GraphResult;
    if (decision === true) {
      branch = runBranch(whenTrue, frame, record);
      skipBranch(whenFalse, frame);
    } else {
      skipBranch(whenTrue, frame);
      branch = runBranch(whenFalse, frame, record);
    }
    applyOutcome(record, ifOutcome(record, branch, decision));
  } catch (error) {
    failRecord(record, action.name, error);
  }
  storeIf(frame, record);
  return record;
}
