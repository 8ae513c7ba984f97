import type { ActionType } from './action-type.js';
import { containerOutcome } from './container-status.js';
import { ActionFailure } from '../errors.js';
import type { GraphResult } from '../run-graph.js';
import type { Task } from '../context/turns.js';
import type { Frame } from '../context/frame.js';
import type { ActionExecution } from '../run-action.js';
import { wdlTypeName } from './values.js';
import { compiledLoopBody, runCompiledIteration } from '../compiled/compiled-loop.js';
import { runCompiledConcurrent } from '../compiled/compiled-concurrent.js';
import { isPromise, andThen, Pending, type MaybePromise } from '../sync-or-async.js';

/**
 * Iterations at once when the definition sets no concurrency: Power Automate runs an Apply to each
 * without concurrency control one iteration at a time ("Apply to each concurrency: 1 is the default
 * limit", Power Automate limits and configuration; turning concurrency control on writes
 * `runtimeConfiguration.concurrency.repetitions`). Logic Apps' own default is 20: a flow written for
 * Logic Apps states its degree, or the engine runs it one at a time.
 */
export const FOREACH_DEFAULT_CONCURRENCY = 1;
/** Documented bounds for `runtimeConfiguration.concurrency.repetitions`. */
export const FOREACH_MAX_CONCURRENCY = 50;
export const FOREACH_MAX_ITEMS = 100_000;

/**
 * Foreach (Apply to each): one iteration per item of `foreach`. Up to `repetitions` iterations
 * (default 1: FOREACH_DEFAULT_CONCURRENCY; `Sequential` = 1) run at once as concurrency tasks,
 * interleaved deterministically.
 * One failed iteration fails the loop; the others still run.
 */
export const foreach: ActionType = {
  type: 'Foreach',
  container: true,
  branches: (definition) => [{ key: 'actions', path: ['actions'], actions: definition.actions ?? {} }],
  validate(definition, report) {
    if (definition.foreach === undefined) report('a Foreach needs a "foreach" array', ['foreach']);
    const repetitions = definition.runtimeConfiguration?.concurrency?.repetitions;
    if (repetitions !== undefined && (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > FOREACH_MAX_CONCURRENCY)) {
      report(`concurrency repetitions must be 1 to ${FOREACH_MAX_CONCURRENCY}`, ['runtimeConfiguration', 'concurrency', 'repetitions']);
    }
  },
  run(execution) {
    const items = execution.evaluate('foreach', execution.action.definition.foreach);
    if (!Array.isArray(items)) {
      throw new ActionFailure('InvalidTemplate', `The execution of template action '${execution.name}' failed: the result of the evaluation of 'foreach' expression '${String(execution.action.definition.foreach)}' is of type '${wdlTypeName(items)}'. The result must be a valid array.`);
    }
    if (items.length > FOREACH_MAX_ITEMS) throw new ActionFailure('InvalidTemplate', `The 'foreach' of action '${execution.name}' has ${items.length} items; the limit is ${FOREACH_MAX_ITEMS}.`);
    const degree = concurrency(execution);
    const running = degree === 1 || items.length <= 1 ? sequential(execution, items) : concurrent(execution, items, degree);
    return andThen(running, (summary) => {
      const status = summary.failed ? 'Failed' : summary.last?.status === 'Cancelled' ? 'Cancelled' : 'Succeeded';
      return containerOutcome(execution.record, { status, end: summary.end, frame: summary.last?.frame }, { inputs: { count: items.length } }, true);
    });
  },
};

/** What the loop keeps of its iterations: whether one failed, when the last ended, the last pass. */
interface LoopSummary {
  failed: boolean;
  end: number;
  last: GraphResult | undefined;
}

function note(summary: LoopSummary, result: GraphResult): void {
  if (result.status === 'Failed') summary.failed = true;
  if (result.end > summary.end) summary.end = result.end;
}

export function concurrency(execution: ActionExecution): number {
  const definition = execution.action.definition;
  if (/(^|,)\s*Sequential\s*(,|$)/i.test(definition.operationOptions ?? '')) return 1;
  return definition.runtimeConfiguration?.concurrency?.repetitions ?? FOREACH_DEFAULT_CONCURRENCY;
}

function sequential(execution: ActionExecution, items: unknown[]): MaybePromise<LoopSummary> {
  const summary: LoopSummary = { failed: false, end: execution.record.start, last: undefined };
  const body = compiledLoopBody(execution);
  if (body !== undefined) {
    for (let index = 0; index < items.length; index++) {
      if (execution.run.terminated) break;
      const result = runCompiledIteration(execution, body, items[index], index, summary.last?.frame);
      note(summary, result);
      summary.last = result;
    }
    return summary;
  }
  const step = (from: number, time: number): MaybePromise<LoopSummary> => {
    for (let index = from; index < items.length; index++) {
      if (execution.run.terminated) break;
      // The previous iteration has ended: its frame is reused if pooled (context/frame-pool.ts).
      const result = execution.runIteration('foreach', items[index], index, time, undefined, summary.last?.frame);
      if (isPromise(result)) return stepWhenDone(result, summary, step, index + 1);
      note(summary, result);
      summary.last = result;
      time = result.end;
    }
    return summary;
  };
  return step(0, execution.record.start);
}

/** The next iterations once `result` settles (its own function: no closure context per iteration). */
function stepWhenDone(result: PromiseLike<GraphResult>, summary: LoopSummary, step: (from: number, time: number) => MaybePromise<LoopSummary>, from: number): PromiseLike<LoopSummary> {
  return result.then((settled) => {
    note(summary, settled);
    summary.last = settled;
    return step(from, settled.end);
  });
}

/** A child task's iteration path: the parent's and the item index. */
function childOrder(parent: readonly number[], index: number): number[] {
  if (parent.length === 0) return [index];
  const order = parent.slice();
  order.push(index);
  return order;
}

/**
 * `degree` workers pull items in order; each iteration is a task that starts when its worker is
 * free (virtual time) and takes turns with the others as context/turns.ts describes. All first
 * tasks are registered before any runs, so the turn order sees them. Workers continue from the
 * iteration's own Pending (no native promise per iteration). A compiled body gives its
 * iterations the same turns without tasks (compiled/compiled-concurrent.ts).
 */
function concurrent(execution: ActionExecution, items: unknown[], degree: number): MaybePromise<LoopSummary> {
  const turns = execution.run.turns;
  const parent = execution.frame.task;
  const start = execution.record.start;
  const summary: LoopSummary = { failed: false, end: start, last: undefined };
  let lastIndex = -1;
  const finished = (index: number, result: GraphResult): void => {
    note(summary, result);
    if (index > lastIndex) {
      lastIndex = index;
      summary.last = result;
    }
  };
  const body = compiledLoopBody(execution);
  if (body !== undefined) {
    runCompiledConcurrent(execution, body, items, degree, finished);
    return summary;
  }
  const done = new Pending<LoopSummary>();
  const first = Math.min(degree, items.length);
  const initial = Array.from({ length: first }, (_, i) => turns.spawn(childOrder(parent.order, i), start));
  let next = first;
  let working = first;
  turns.block(parent);
  const fail = (error: unknown): void => done.reject(error);
  // Each worker reuses the frame of its own ended iteration when pooled (context/frame-pool.ts).
  const worker = (task: Task, index: number, previous: Frame | undefined): void => {
    for (;;) {
      if (!execution.run.terminated) {
        const result = execution.runIteration('foreach', items[index], index, task.time, task, previous);
        if (isPromise(result)) {
          result.then((settled) => {
            finished(index, settled);
            const spawned = advance(task);
            if (spawned) worker(spawned, spawned.order[spawned.order.length - 1] as number, settled.frame);
          }, fail);
          return;
        }
        finished(index, result);
        previous = result.frame;
      }
      const spawned = advance(task);
      if (!spawned) return;
      task = spawned;
      index = spawned.order[spawned.order.length - 1] as number;
    }
  };
  /** The worker's task ended: the next item's task, or none when the items ran out. */
  const advance = (task: Task): Task | undefined => {
    if (next < items.length) return turns.respawn(task, next++, task.time);
    if (--working === 0) {
      turns.finishInto(task, parent);
      done.resolve(summary);
    } else turns.finish(task);
    return undefined;
  };
  for (let i = 0; i < first; i++) {
    const task = initial[i] as Task;
    // A worker starts in its task's first turn: nothing of it (not even a container's start) runs
    // while another task holds the turn, e.g. over a Delay that moved the virtual clock.
    turns.wait(task, () => worker(task, i, undefined)).then(undefined, fail);
  }
  return done.state === 1 ? summary : done;
}
