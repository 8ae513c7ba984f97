import type { PlannedAction, RunAfterEdge } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import { graphStatus } from '../run-after/branch-status.js';
import { checkRunAfter, skippedMessage, type UnmetCondition } from '../run-after/run-after-check.js';
import { statusBit } from '../run-after/status-numbers.js';
import { passResult, skip, type GraphResult } from '../run-graph.js';
import type { CompiledGraph, Step } from './compiled-graph.js';

const SKIPPED_BIT = statusBit('Skipped');

/**
 * One pass over a compiled graph in `frame`: run-graph.ts's continueGraph (same runAfter rules,
 * same skips, same result) with each action's step called directly. Always synchronous.
 */
export function runCompiledGraph(compiled: CompiledGraph, frame: Frame, start: number): GraphResult {
  const run = frame.run;
  const slots = frame.slots;
  const order = compiled.graph.order;
  const steps = compiled.steps;
  let end = start;
  for (let i = 0; i < order.length; i++) {
    const action = order[i] as PlannedAction;
    if (run.terminated) {
      skip(action, frame, end, { code: 'ActionSkipped', message: `The execution of template action '${action.name}' is skipped: the run was terminated by action '${run.terminated.by}'.` });
      continue;
    }
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
    if (!met) {
      const unmet = checkRunAfter(action, slots, start).unmet as UnmetCondition;
      const record = skip(action, frame, at, { code: 'ActionConditionFailed', message: skippedMessage(action.name, unmet) });
      if (record.end > end) end = record.end;
      continue;
    }
    const record = (steps[i] as Step)(frame, at);
    if (record.end > end) end = record.end;
  }
  return passResult(frame, graphStatus(compiled.graph, slots), end);
}
