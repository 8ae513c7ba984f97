import type { PlannedGraph } from '../definition/plan.js';
import type { ActionRun } from '../history/action-run.js';
import type { GraphResult } from '../run-graph.js';

/**
 * What a pooled frame reuses from one pass to the next: its records (one per slot), the records
 * of its actions when their branch is not taken (by action index), the executions that run them,
 * and the frames of its branches. A 100k-iteration loop then allocates a few objects per worker
 * instead of a dozen per iteration (their collection was a large part of the loop's time).
 *
 * Reuse is unobservable because a pass starts only after the previous pass of the same frame has
 * ended and every one of its records was stored in the history: expressions copy what they read
 * from a record (never keep it), `latest` and `innerPass` always point at the newest record, and a
 * record is reset at the moment the general path would have made its replacement.
 */
export class FramePool {
  readonly records: Array<ActionRun | undefined> = [];
  readonly notTaken: Array<ActionRun | undefined> = [];
  /** ActionExecution per slot (typed loosely: run-action.ts owns the class). */
  readonly executions: unknown[] = [];
  /** Frames of its branches (If/Switch/Scope), by the planned index of the branch's first action (unique per non-empty graph). */
  readonly branches: unknown[] = [];
  /** The result of the frame's latest pass (run-graph.ts). */
  result: GraphResult | undefined = undefined;
}

/**
 * Action types whose records nothing keeps past the pass they ran in: synchronous, not containers
 * that keep their pass's records (`result()` of Scope, Foreach and Until holds them), not child
 * flows or connectors (kept simple: the pool is for tight loops of data and variable actions).
 */
const POOLABLE_TYPES = new Set(['compose', 'setvariable', 'appendtoarrayvariable', 'appendtostringvariable', 'incrementvariable', 'decrementvariable', 'if', 'switch', 'parsejson', 'join', 'select', 'query', 'table', 'expression']);
const poolable = new WeakMap<PlannedGraph, boolean>();

/** Whether a loop body may run in a pooled frame: every action in it, branches included, is of a poolable type. */
export function isPoolable(graph: PlannedGraph): boolean {
  let answer = poolable.get(graph);
  if (answer === undefined) {
    answer = graph.order.every((action) => POOLABLE_TYPES.has(action.definition.type.toLowerCase()) && [...action.branches.values()].every(isPoolable));
    poolable.set(graph, answer);
  }
  return answer;
}
