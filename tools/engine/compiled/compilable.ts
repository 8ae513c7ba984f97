import type { PlannedGraph } from '../definition/plan.js';

/**
 * Action types a compiled loop body may hold: they always finish synchronously, in zero virtual
 * time, and nothing keeps their records past the pass they ran in (see context/frame-pool.ts).
 * Leaves run through their own action type; If and Switch are compiled (branch-steps.ts).
 */
export const COMPILED_LEAF_TYPES: ReadonlySet<string> = new Set(['compose', 'setvariable', 'appendtoarrayvariable', 'appendtostringvariable', 'incrementvariable', 'decrementvariable']);
export const COMPILED_BRANCHING_TYPES: ReadonlySet<string> = new Set(['if', 'switch']);

const answers = new WeakMap<PlannedGraph, boolean>();

/**
 * Whether a graph (a loop body) can run as compiled steps: every action, branches included, of
 * the types above, with nothing the general path does around an action that the steps skip
 * (tracked properties, a timeout).
 */
export function isCompilable(graph: PlannedGraph): boolean {
  let answer = answers.get(graph);
  if (answer === undefined) {
    answer = graph.order.every((action) => {
      const type = action.definition.type.toLowerCase();
      if (action.definition.trackedProperties !== undefined || action.timeoutMs !== undefined) return false;
      if (COMPILED_LEAF_TYPES.has(type)) return true;
      return COMPILED_BRANCHING_TYPES.has(type) && action.branchList.every((branch) => isCompilable(branch.graph));
    });
    answers.set(graph, answer);
  }
  return answer;
}
