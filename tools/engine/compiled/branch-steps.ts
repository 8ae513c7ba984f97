import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionError, ActionRun } from '../history/action-run.js';
import { SKIPPED_EXTRAS } from '../history/record-shape.js';
import { applyOutcome, failRecord, notTakenError, placeTakenRecord, skipNotTaken } from '../run-action.js';
import { passResult, type GraphResult } from '../run-graph.js';
import { graphStatus } from '../run-after/branch-status.js';
import type { CompiledGraph, Step } from './compiled-graph.js';
import type { Branching } from './branching.js';
import { runCompiledGraph } from './run-compiled-graph.js';

/**
 * If and Switch as steps: what actions/if.ts and actions/switch.ts do through run-action.ts
 * (record listed as running, the expression, the branches not taken recorded Skipped around the
 * branch that runs, the container's outcome), with the chosen branch run as compiled steps.
 * `branches`: the action's branchList, compiled, in the same order.
 */
export function branchingStep(action: PlannedAction, branches: readonly CompiledGraph[], branching: Branching): Step {
  return (frame) => {
    const record = startContainer(action, frame);
    try {
      const decision = branching.decide(frame);
      const taken = branching.branchOf(decision);
      for (let b = 0; b < taken; b++) skipBranch(branches[b] as CompiledGraph, frame);
      const branch = runBranch(branches[taken] as CompiledGraph, frame, record);
      for (let b = taken + 1; b < branches.length; b++) skipBranch(branches[b] as CompiledGraph, frame);
      applyOutcome(record, branching.outcome(record, branch, decision));
    } catch (error) {
      failRecord(record, action.name, error);
    }
    branching.store(frame, record);
    return record;
  };
}

/**
 * run-action.ts's runAction for a container. The general path lists its record as running while
 * its branch runs; here nothing can read the history before the step ends, so it only takes its place.
 */
export function startContainer(action: PlannedAction, frame: Frame): ActionRun {
  // The clock is already at the loop's time (leaf-record.ts).
  const record = placeTakenRecord(action, frame, frame.takeLoopRecord(action));
  frame.run.history.reserve(record);
  return record;
}

/** ActionExecution.runBranch with the branch compiled. */
export function runBranch(branch: CompiledGraph, frame: Frame, record: ActionRun): GraphResult {
  const order = branch.graph.order;
  if (order.length === 0) return emptyBranch(frame);
  const inner = branchFrame(branch, frame, record);
  if (order.length > 1 || frame.run.terminated || (order[0] as PlannedAction).runAfter.length > 0) return runCompiledGraph(branch, inner);
  // A branch of one action (the usual If branch): runCompiledGraph's pass without its loop.
  const only = (branch.steps[0] as Step)(inner);
  return passResult(inner, only.status === 'Succeeded' ? 'Succeeded' : graphStatus(branch.graph, inner.slots), frame.run.compiledLoopTime);
}

/** What an empty branch's pass gives. */
export function emptyBranch(frame: Frame): GraphResult {
  return { status: 'Succeeded', end: frame.run.compiledLoopTime, frame: undefined };
}

/** The frame a (non-empty) branch runs in, the container record's inner pass. */
export function branchFrame(branch: CompiledGraph, frame: Frame, record: ActionRun): Frame {
  const inner = frame.branch(branch.graph);
  record.innerPass = inner;
  return inner;
}

/** skipBranch in an outline history: the general path's skips (no known-shape stores). */
function skipBranchInOutline(order: readonly PlannedAction[], frame: Frame): void {
  for (let a = 0; a < order.length; a++) skipNotTaken(order[a] as PlannedAction, frame, frame.run.compiledLoopTime);
}

/** The actions of a branch not taken, recorded Skipped: run-action.ts's skipNotTaken, stored by their known shape. */
export function skipBranch(branch: CompiledGraph, frame: Frame): void {
  const order = branch.graph.order;
  const run = frame.run;
  const history = run.history;
  if (!history.keepsShortcuts) return skipBranchInOutline(order, frame);
  for (let a = 0; a < order.length; a++) {
    const action = order[a] as PlannedAction;
    const error = action.notTakenError ?? notTakenError(action);
    const record = frame.reuseNotTakenRecord(action, error) ?? newNotTakenRecord(action, frame, error);
    run.latest[action.index] = record;
    history.reserve(record);
    history.storeNotTaken(record);
  }
}

/** skipBranch's record for `action` when there is none to reuse. Out of line: skipBranch stays small enough to inline. */
function newNotTakenRecord(action: PlannedAction, frame: Frame, error: ActionError): ActionRun {
  const record = frame.takeNotTakenRecord(action, frame.run.compiledLoopTime);
  record.status = 'Skipped';
  record.restoreExtras(SKIPPED_EXTRAS);
  record.error = error;
  return record;
}
