import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { graphStatus } from '../run-after/branch-status.js';
import { passResult, runsAfter, type GraphResult } from '../run-graph.js';
import type { CompiledGraph, Step } from './compiled-graph.js';

/**
 * One pass over a compiled graph in `frame`: run-graph.ts's continueGraph (same runAfter rules,
 * same skips, same result) with each action's step called directly. Always synchronous, and in
 * zero virtual time: the pass ends when it started (RunState.compiledLoopTime).
 */
export function runCompiledGraph(compiled: CompiledGraph, frame: Frame): GraphResult {
  const order = compiled.graph.order;
  const steps = compiled.steps;
  let allSucceeded = true;
  for (let i = 0; i < order.length; i++) {
    const action = order[i] as PlannedAction;
    const record = runsAfter(action, frame) ? (steps[i] as Step)(frame) : (frame.slots[action.slot] as ActionRun);
    if (record.status !== 'Succeeded') allSucceeded = false;
  }
  // Every action succeeded: so did the pass (graphStatus's rule), without walking its leaves.
  return passResult(frame, allSucceeded ? 'Succeeded' : graphStatus(compiled.graph, frame.slots), frame.run.compiledLoopTime);
}
