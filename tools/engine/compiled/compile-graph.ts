import type { PlannedAction, PlannedGraph } from '../definition/plan.js';
import type { CompiledGraph, CompiledLeaf } from './compiled-graph.js';
import { COMPILED_LEAF_TYPES, isCompilable } from './compilable.js';
import { composeLeaf } from './compose-leaf.js';
import { variableLeaf } from './variable-leaf.js';
import { setVariableValue } from '../actions/set-variable.js';
import { appendToArray } from '../actions/append-to-array-variable.js';
import { APPEND_VARIABLE, SET_VARIABLE } from '../history/record-shape.js';
import { typeLeaf } from './type-leaf.js';
import { branchingStep } from './branch-steps.js';
import { ifStep } from './if-step.js';
import { ifBranching, switchBranching, type Branching } from './branching.js';

const compiled = new WeakMap<PlannedGraph, CompiledGraph>();

/** The graph's compiled steps (made once per planned graph), or undefined when it does not qualify (compilable.ts). */
export function compileGraph(graph: PlannedGraph): CompiledGraph | undefined {
  if (!isCompilable(graph)) return undefined;
  let answer = compiled.get(graph);
  if (answer === undefined) {
    const compiledLeaves = graph.order.map(leafFor);
    const branches = graph.order.map((action, i) => (compiledLeaves[i] === undefined ? branchesOf(action) : undefined));
    const branchings = graph.order.map((action, i) => (compiledLeaves[i] === undefined ? (isIf(action) ? ifBranching(action) : switchBranching(action)) : undefined));
    const steps = graph.order.map((action, i) => compiledLeaves[i]?.step ?? (isIf(action) ? ifStep : branchingStep)(action, branches[i] as CompiledGraph[], branchings[i] as Branching));
    answer = { graph, steps, leaves: compiledLeaves.map((leaf) => leaf?.run), branchings, branches };
    compiled.set(graph, answer);
  }
  return answer;
}

function leafFor(action: PlannedAction): CompiledLeaf | undefined {
  const type = action.definition.type.toLowerCase();
  if (type === 'compose') return composeLeaf(action);
  if (type === 'setvariable') return variableLeaf(action, setVariableValue, SET_VARIABLE);
  if (type === 'appendtoarrayvariable') return variableLeaf(action, appendToArray, APPEND_VARIABLE);
  if (COMPILED_LEAF_TYPES.has(type)) return typeLeaf(action);
  return undefined;
}

function branchesOf(action: PlannedAction): CompiledGraph[] {
  return action.branchList.map((branch) => compileGraph(branch.graph) as CompiledGraph);
}

function isIf(action: PlannedAction): boolean {
  return action.definition.type.toLowerCase() === 'if';
}
