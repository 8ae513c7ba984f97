import type { PlannedGraph } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionExecution } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph } from './compiled-graph.js';
import { compileGraph } from './compile-graph.js';
import { runCompiledGraph } from './run-compiled-graph.js';

/**
 * The compiled body of a Sequential Foreach, when it may run compiled: records pooled and
 * compiled loops allowed (HistoryOptions), a compilable body (compilable.ts), and the loop's task
 * the run's only one, so each action gets its turn at once. The body never waits, so that stays
 * true until the loop ends.
 *
 * Concurrent loops keep the general path: their history order comes from how the iterations'
 * continuations pass through the Pending queue (a leaf inside an If resumes its iteration several
 * hops later than a top-level one), not from a fixed round-robin; a compiled runner would have to
 * reproduce those hops exactly (record-reuse.test.ts would tell).
 */
export function compiledSequentialBody(execution: ActionExecution): CompiledGraph | undefined {
  const run = execution.run;
  if (!run.history.compiling || !run.turns.isAlone(execution.frame.task)) return undefined;
  return compileGraph(execution.action.branches.get('actions') as PlannedGraph);
}

/** How many loop iterations ran compiled in this process (for tests: the fast path is really taken). */
export const compiledIterations = { count: 0 };

/** ActionExecution.runIteration with the body compiled. */
export function runCompiledIteration(execution: ActionExecution, body: CompiledGraph, item: unknown, index: number, start: number, previous: Frame | undefined): GraphResult {
  compiledIterations.count++;
  let frame: Frame;
  if (previous?.pool !== undefined && previous.repetition?.length === 1) {
    frame = previous;
    frame.nextCompiledPass(item, index);
  } else frame = execution.frame.iteration(body.graph, 'foreach', execution.name, item, index, undefined, previous);
  execution.record.innerPass = frame;
  return runCompiledGraph(body, frame, start);
}
