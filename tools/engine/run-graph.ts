import type { RunStatus } from '../expressions/context.js';
import type { PlannedAction, PlannedGraph, RunAfterEdge } from './definition/plan.js';
import { ActionRun, type ActionError } from './history/action-run.js';
import type { Frame } from './context/frame.js';
import { graphStatus } from './run-after/branch-status.js';
import { checkRunAfter, skippedMessage, type UnmetCondition } from './run-after/run-after-check.js';
import { statusBit } from './run-after/status-numbers.js';

const SKIPPED_BIT = statusBit('Skipped');
import { runAction } from './run-action.js';
import { isPromise, type MaybePromise } from './sync-or-async.js';

export interface GraphResult {
  status: RunStatus;
  /** When the graph's last action ended (virtual ms). */
  end: number;
  /** The pass's frame: its records are what `result()` returns. */
  frame: Frame | undefined;
}

/**
 * Runs a graph of actions (the flow, a Scope, a branch, one loop iteration) in runAfter order, in
 * a frame made for it. Each action starts when its last predecessor ended, so parallel branches
 * overlap in virtual time. After a Terminate, the actions not yet run are recorded as Skipped.
 * Synchronous as long as its actions are; async from the first action that is not.
 */
export function runGraph(graph: PlannedGraph, frame: Frame, start: number): MaybePromise<GraphResult> {
  return continueGraph(graph, frame, start, 0, start);
}

function continueGraph(graph: PlannedGraph, frame: Frame, start: number, from: number, end: number): MaybePromise<GraphResult> {
  const order = graph.order;
  for (let i = from; i < order.length; i++) {
    const action = order[i] as PlannedAction;
    const at = startOrSkip(action, frame, start, end);
    if (at === undefined) {
      const skipped = frame.slots[action.slot] as ActionRun;
      if (skipped.end > end) end = skipped.end;
      continue;
    }
    const ran = runAction(action, frame, at);
    if (isPromise(ran)) return continueWhenDone(ran, graph, frame, start, i + 1, end);
    if (ran.end > end) end = ran.end;
  }
  return passResult(frame, graphStatus(graph, frame.slots), end);
}

/**
 * When the next action of a pass may start (its last predecessor's end), or undefined once it is
 * recorded Skipped: the run was terminated, or its runAfter is not met. Every predecessor already
 * ran (run order); statuses are compared as bits (no object per action) and checkRunAfter words
 * the unmet condition. Shared by compiled loop bodies (compiled/run-compiled-graph.ts).
 */
export function startOrSkip(action: PlannedAction, frame: Frame, start: number, end: number): number | undefined {
  // Small, so that the loops calling it for every action inline it; the rest is out of line.
  if (frame.run.terminated) return skipTerminated(action, frame, end);
  return action.runAfter.length === 0 ? start : runAfterStart(action, frame, start);
}

/** startOrSkip for an action with predecessors. */
function runAfterStart(action: PlannedAction, frame: Frame, start: number): number | undefined {
  const slots = frame.slots;
  let at = start;
  let met = true;
  const edges = action.runAfter;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as RunAfterEdge;
    const predecessor = slots[edge.slot];
    if (predecessor === undefined) {
      if ((edge.mask & SKIPPED_BIT) === 0) met = false;
      continue;
    }
    if (predecessor.end > at) at = predecessor.end;
    if ((edge.mask & statusBit(predecessor.status)) === 0) met = false;
  }
  if (met) return at;
  const unmet = checkRunAfter(action, slots, start).unmet as UnmetCondition;
  skip(action, frame, at, { code: 'ActionConditionFailed', message: skippedMessage(action.name, unmet) });
  return undefined;
}

/**
 * startOrSkip for a compiled pass, where every predecessor ended at `frame.run.compiledLoopTime`
 * (compiled/compiled-loop.ts): whether the action runs; if not, it is recorded Skipped then.
 */
export function runsAfter(action: PlannedAction, frame: Frame): boolean {
  if (frame.run.terminated) {
    skipTerminated(action, frame, frame.run.compiledLoopTime);
    return false;
  }
  return action.runAfter.length === 0 || compiledRunAfterMet(action, frame);
}

function compiledRunAfterMet(action: PlannedAction, frame: Frame): boolean {
  const slots = frame.slots;
  const edges = action.runAfter;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as RunAfterEdge;
    const predecessor = slots[edge.slot];
    if (predecessor === undefined ? (edge.mask & SKIPPED_BIT) === 0 : (edge.mask & statusBit(predecessor.status)) === 0) return skipUnmet(action, frame);
  }
  return true;
}

/** compiledRunAfterMet's answer when the runAfter is not met: the action recorded Skipped. Out of line: the check stays small enough to inline. */
function skipUnmet(action: PlannedAction, frame: Frame): false {
  const at = frame.run.compiledLoopTime;
  const unmet = checkRunAfter(action, frame.slots, at).unmet as UnmetCondition;
  skip(action, frame, at, { code: 'ActionConditionFailed', message: skippedMessage(action.name, unmet) });
  return false;
}

function skipTerminated(action: PlannedAction, frame: Frame, end: number): undefined {
  skip(action, frame, end, { code: 'ActionSkipped', message: `The execution of template action '${action.name}' is skipped: the run was terminated by action '${frame.run.terminated?.by}'.` });
  return undefined;
}

/** A pooled frame's pass reuses its result object: whoever reads it does so before the frame's next pass. */
export function passResult(frame: Frame, status: RunStatus, end: number): GraphResult {
  const pool = frame.pool;
  if (pool === undefined) return { status, end, frame };
  const result = (pool.result ??= { status, end, frame });
  result.status = status;
  result.end = end;
  return result;
}

/**
 * The rest of the graph once `ran` settles. Its own function: a closure inside continueGraph's loop
 * would make V8 allocate a context for every action, synchronous ones too.
 */
function continueWhenDone(ran: PromiseLike<ActionRun>, graph: PlannedGraph, frame: Frame, start: number, from: number, end: number): PromiseLike<GraphResult> {
  return ran.then((record) => continueGraph(graph, frame, start, from, record.end > end ? record.end : end));
}

function skip(action: PlannedAction, frame: Frame, at: number, error: ActionError): ActionRun {
  const record = frame.takeRecord(action, at);
  record.status = 'Skipped';
  record.code = 'ActionSkipped';
  record.error = error;
  frame.slots[action.slot] = record;
  frame.run.latest[action.index] = record;
  frame.run.history.addFinished(record);
  return record;
}
