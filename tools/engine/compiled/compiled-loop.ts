import type { PlannedGraph } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionExecution } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph } from './compiled-graph.js';
import { compileGraph } from './compile-graph.js';
import { runCompiledGraph } from './run-compiled-graph.js';

/**
 * The compiled body of a Foreach, when it may run compiled: records pooled and compiled loops
 * allowed (HistoryOptions), a compilable body (compilable.ts), the loop's task the run's only
 * one, so nothing else competes for turns, and a virtual clock (the default; a caller may pass a
 * real one). The body never waits, so the task stays alone until the loop ends, and the loop
 * takes no virtual time: every record of it starts and ends at the loop's start, kept in
 * RunState.compiledLoopTime, and the loop's task holds that time throughout. A Sequential loop
 * then runs its iterations one after the other (runCompiledIteration); a concurrent one gives its
 * iterations their turns itself (compiled-concurrent.ts).
 */
export function compiledLoopBody(execution: ActionExecution): CompiledGraph | undefined {
  const run = execution.run;
  if (!run.history.compiling || !run.virtualClock || !run.turns.isAlone(execution.frame.task)) return undefined;
  const body = compileGraph(execution.action.branches.get('actions') as PlannedGraph);
  if (body !== undefined) {
    run.compiledLoopTime = execution.record.start;
    run.history.enterCompiledLoop(run.compiledLoopTime);
    // The turn the loop's actions pass on (leaf-record.ts endLeaf): they all end at this time.
    run.turns.passAlone(execution.frame.task, { end: execution.record.start });
  }
  return body;
}

/** How many loop iterations ran compiled in this process (for tests: the fast path is really taken). */
export const compiledIterations = { count: 0 };

/** ActionExecution.runIteration with the body compiled. */
export function runCompiledIteration(execution: ActionExecution, body: CompiledGraph, item: unknown, index: number, previous: Frame | undefined): GraphResult {
  return runCompiledGraph(body, compiledPassFrame(execution, body, item, index, previous));
}

/** The frame of a compiled iteration (a worker's ended one reused when pooled), the loop record's inner pass. */
export function compiledPassFrame(execution: ActionExecution, body: CompiledGraph, item: unknown, index: number, previous: Frame | undefined): Frame {
  compiledIterations.count++;
  let frame: Frame;
  if (previous?.pool !== undefined && previous.repetition?.length === 1) {
    frame = previous;
    frame.nextCompiledPass(item, index);
  } else frame = execution.frame.iteration(body.graph, 'foreach', execution.name, item, index, undefined, previous);
  execution.record.innerPass = frame;
  return frame;
}
