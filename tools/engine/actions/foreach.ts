import type { ActionType } from './action-type.js';
import { containerOutcome } from './container-status.js';
import { ActionFailure } from '../errors.js';
import type { GraphResult } from '../run-graph.js';
import type { Frame } from '../context/run-state.js';
import type { Task } from '../context/turns.js';
import type { ActionExecution } from '../run-action.js';
import { wdlTypeName } from './values.js';

/** Logic Apps' documented default and bounds for `runtimeConfiguration.concurrency.repetitions`. */
export const FOREACH_DEFAULT_CONCURRENCY = 20;
export const FOREACH_MAX_CONCURRENCY = 50;
export const FOREACH_MAX_ITEMS = 100_000;

/**
 * Foreach (Apply to each): one iteration per item of `foreach`. Up to `repetitions` iterations
 * (default 20, `Sequential` = 1) run at once as concurrency tasks, interleaved deterministically.
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
  async run(execution) {
    const items = execution.evaluate('foreach', execution.action.definition.foreach);
    if (!Array.isArray(items)) {
      throw new ActionFailure('InvalidTemplate', `The execution of template action '${execution.name}' failed: the result of the evaluation of 'foreach' expression '${String(execution.action.definition.foreach)}' is of type '${wdlTypeName(items)}'. The result must be a valid array.`);
    }
    if (items.length > FOREACH_MAX_ITEMS) throw new ActionFailure('InvalidTemplate', `The 'foreach' of action '${execution.name}' has ${items.length} items; the limit is ${FOREACH_MAX_ITEMS}.`);
    const results = concurrency(execution) === 1 || items.length <= 1 ? await sequential(execution, items) : await concurrent(execution, items, concurrency(execution));
    const failed = results.find((r) => r.status === 'Failed');
    const last = results[results.length - 1] ?? { status: 'Succeeded', end: execution.record.start, records: [] };
    const end = results.reduce((max, r) => Math.max(max, r.end), execution.record.start);
    return containerOutcome(execution.record, { status: failed ? 'Failed' : last.status === 'Cancelled' ? 'Cancelled' : 'Succeeded', end, records: last.records }, { inputs: { count: items.length } });
  },
};

export function concurrency(execution: ActionExecution): number {
  const definition = execution.action.definition;
  if (/(^|,)\s*Sequential\s*(,|$)/i.test(definition.operationOptions ?? '')) return 1;
  return definition.runtimeConfiguration?.concurrency?.repetitions ?? FOREACH_DEFAULT_CONCURRENCY;
}

function iterationFrame(execution: ActionExecution, item: unknown, index: number, task?: Task): Frame {
  return execution.frame.iteration({ kind: 'foreach', name: execution.name, item, index }, task);
}

async function sequential(execution: ActionExecution, items: unknown[]): Promise<GraphResult[]> {
  const results: GraphResult[] = [];
  let time = execution.record.start;
  for (let index = 0; index < items.length; index++) {
    if (execution.run.terminated) break;
    const result = await execution.runBranch('actions', iterationFrame(execution, items[index], index), time);
    results.push(result);
    time = result.end;
  }
  return results;
}

/**
 * `degree` workers pull items in order; each iteration is a task that starts when its worker is
 * free (virtual time). All first tasks are registered before any runs, so the turn order sees them.
 */
async function concurrent(execution: ActionExecution, items: unknown[], degree: number): Promise<GraphResult[]> {
  const turns = execution.run.turns;
  const parent = execution.frame.task;
  const results: GraphResult[] = new Array(items.length);
  const start = execution.record.start;
  const first = Math.min(degree, items.length);
  const initial = Array.from({ length: first }, (_, i) => turns.spawn([...parent.order, i], start));
  let next = first;
  turns.block(parent);
  const worker = async (task: Task, index: number): Promise<void> => {
    for (;;) {
      const result = execution.run.terminated
        ? { status: 'Skipped' as const, end: task.time, records: [] }
        : await execution.runBranch('actions', iterationFrame(execution, items[index], index, task), task.time);
      results[index] = result;
      turns.finish(task);
      if (next >= items.length) return;
      index = next++;
      task = turns.spawn([...parent.order, index], result.end);
    }
  };
  await Promise.all(initial.map((task, i) => worker(task, i)));
  turns.unblock(parent);
  return results;
}
