import type { PlannedAction, PlannedGraph } from '../definition/plan.js';
import type { CompiledGraph, Step } from './compiled-graph.js';
import { COMPILED_LEAF_TYPES, isCompilable } from './compilable.js';
import { composeStep } from './compose-step.js';
import { variableStep } from './variable-step.js';
import { setVariableValue } from '../actions/set-variable.js';
import { appendToArray } from '../actions/append-to-array-variable.js';
import { APPEND_VARIABLE, SET_VARIABLE } from '../history/record-shape.js';
import { leafStep } from './leaf-step.js';
import { ifStep, switchStep } from './branch-steps.js';

const compiled = new WeakMap<PlannedGraph, CompiledGraph>();

/** The graph's compiled steps (made once per planned graph), or undefined when it does not qualify (compilable.ts). */
export function compileGraph(graph: PlannedGraph): CompiledGraph | undefined {
  if (!isCompilable(graph)) return undefined;
  let answer = compiled.get(graph);
  if (answer === undefined) {
    answer = { graph, steps: graph.order.map(stepFor) };
    compiled.set(graph, answer);
  }
  return answer;
}

function stepFor(action: PlannedAction): Step {
  const type = action.definition.type.toLowerCase();
  if (type === 'compose') return composeStep(action);
  if (type === 'setvariable') return variableStep(action, setVariableValue, SET_VARIABLE);
  if (type === 'appendtoarrayvariable') return variableStep(action, appendToArray, APPEND_VARIABLE);
  if (COMPILED_LEAF_TYPES.has(type)) return leafStep(action);
  const branches = action.branchList.map((branch) => compileGraph(branch.graph) as CompiledGraph);
  return type === 'if' ? ifStep(action, branches) : switchStep(action, branches);
}
