import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { FALSE_OUTCOME, TRUE_OUTCOME } from '../actions/if.js';
import { containerOutcome } from '../actions/container-status.js';
import { graphStatus } from '../run-after/branch-status.js';
import { applyOutcome, failRecord } from '../run-action.js';
import { passResult, startOrSkip, type GraphResult } from '../run-graph.js';
import type { CompiledGraph, LeafRun, TurnStep } from './compiled-graph.js';
import { placeLeaf } from './leaf-record.js';
import { branchFrame, caseTaken, emptyBranch, ifCondition, skipBranch, startContainer, storeIf, switchCases, switchOutcome, switchValue } from './branch-steps.js';

/**
 * A compiled graph run turn by turn, for compiled concurrent loops (compiled-concurrent.ts):
 * run-compiled-graph.ts's pass, except that each leaf's record is placed when the pass reaches it
 * and the generator then yields; the leaf runs when the pass is resumed (its iteration's next
 * turn). So each resume runs one leaf action and goes on to the next leaf, exactly the share of
 * work a concurrency turn holds in the general path (context/turns.ts).
 */
export function* runGraphTurns(compiled: CompiledGraph, frame: Frame, start: number): Generator<void, GraphResult, void> {
  const order = compiled.graph.order;
  const leaves = compiled.leaves;
  let end = start;
  for (let i = 0; i < order.length; i++) {
    const action = order[i] as PlannedAction;
    const at = startOrSkip(action, frame, start, end);
    let record: ActionRun;
    if (at === undefined) record = frame.slots[action.slot] as ActionRun;
    else {
      const leaf = leaves[i];
      if (leaf === undefined) record = yield* (compiled.turnSteps[i] as TurnStep)(frame, at);
      else {
        record = placeLeaf(action, frame, at);
        yield;
        record = (leaf as LeafRun)(frame, record);
      }
    }
    if (record.end > end) end = record.end;
  }
  return passResult(frame, graphStatus(compiled.graph, frame.slots), end);
}

/** branch-steps.ts's ifStep, its branch run turn by turn. */
export function ifTurns(action: PlannedAction, branches: readonly CompiledGraph[]): TurnStep {
  const [whenTrue, whenFalse] = branches as [CompiledGraph, CompiledGraph];
  const condition = ifCondition(action);
  return function* (frame, start) {
    const record = startContainer(action, frame, start);
    try {
      const result = condition(frame);
      if (!result) skipBranch(whenTrue, frame, start);
      const branch = yield* branchTurns(result ? whenTrue : whenFalse, frame, record, start);
      if (result) skipBranch(whenFalse, frame, start);
      applyOutcome(record, containerOutcome(record, branch, result ? TRUE_OUTCOME : FALSE_OUTCOME));
    } catch (error) {
      failRecord(record, action.name, error);
    }
    return storeIf(frame, record);
  };
}

/** branch-steps.ts's switchStep, its branch run turn by turn. */
export function switchTurns(action: PlannedAction, branches: readonly CompiledGraph[]): TurnStep {
  const cases = switchCases(action);
  return function* (frame, start) {
    const record = startContainer(action, frame, start);
    try {
      const value = switchValue(action, frame);
      const taken = caseTaken(cases, value);
      for (let b = 0; b < taken; b++) skipBranch(branches[b] as CompiledGraph, frame, start);
      const branch = yield* branchTurns(branches[taken] as CompiledGraph, frame, record, start);
      for (let b = taken + 1; b < branches.length; b++) skipBranch(branches[b] as CompiledGraph, frame, start);
      applyOutcome(record, switchOutcome(record, branch, cases, taken, value));
    } catch (error) {
      failRecord(record, action.name, error);
    }
    frame.run.history.store(record);
    return record;
  };
}

function* branchTurns(branch: CompiledGraph, frame: Frame, record: ActionRun, start: number): Generator<void, GraphResult, void> {
  if (branch.graph.order.length === 0) return emptyBranch(start);
  return yield* runGraphTurns(branch, branchFrame(branch, frame, record), start);
}
