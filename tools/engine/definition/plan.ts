import { parseIsoDuration } from '../clock.js';
import type { RunStatus } from '../../expressions/context.js';
import { actionTypes } from '../actions/index.js';
import type { ActionType } from '../actions/action-type.js';
import { compileTemplate } from '../../expressions/index.js';
import { triggerTypes } from '../triggers/index.js';
import { DefinitionError } from '../errors.js';
import type { ActionDefinition, LoadedWorkflow } from './types.js';
import { escapePointer } from './parameters.js';
import { statusBit } from '../run-after/status-numbers.js';

/** runAfter statuses as Logic Apps accepts them (case-insensitive in JSON). */
const RUN_AFTER_STATUSES: readonly RunStatus[] = ['Succeeded', 'Failed', 'Skipped', 'TimedOut'];

/** Limits Power Automate enforces when a flow is saved (limits-and-config). */
export const LIMITS = { actionsPerWorkflow: 500, nestingDepth: 8, switchCases: 25, nameLength: 80 };

export interface PlannedAction {
  name: string;
  definition: ActionDefinition;
  type: ActionType;
  /** JSON path of the action inside the definition (`actions`, `Scope`, `actions`, `X`). */
  path: readonly (string | number)[];
  /** Predecessors (by name and slot in the same graph) and the statuses each must end in. */
  runAfter: ReadonlyArray<RunAfterEdge>;
  /** The graph this action belongs to and its position in the graph's run order. */
  graph: PlannedGraph;
  slot: number;
  branches: Map<string, PlannedGraph>;
  /** The same branches in definition order, as an array: walked once per If/Switch run. */
  branchList: Array<{ key: string; graph: PlannedGraph }>;
  /** Compiled templates by part (`inputs`, `foreach`, `inputs.select`...), filled on first use. */
  compiled: Map<string, (context: never) => unknown>;
  secureInputs: boolean;
  secureOutputs: boolean;
  /** Enclosing container action, if any. */
  parent: PlannedAction | undefined;
  /** Whether a Foreach or Until encloses this action. */
  insideLoop: boolean;
  /** `limit.timeout` in ms (Until reads its own limit): parsed once, read by every run of the action. */
  timeoutMs: number | undefined;
  /** The compiled `inputs` template, filled on first use (the hottest part: kept out of the map). */
  inputsTemplate: ((context: never) => unknown) | undefined;
  /** Position among all the definition's actions (per-run tables are indexed by it). */
  index: number;
  /** The Skipped error of this action's records when its branch is not taken (shared and frozen; made on first use). */
  notTakenError: { readonly code: string; readonly message: string } | undefined;
  /** `inputs` is an object literal of exactly `name` and `value`: every evaluation gives such an object (history/record-shape.ts). */
  nameValueInputs: boolean;
}

/** One runAfter predecessor: its name and slot in the graph, the statuses it must end in (also as bits, see statusBit). */
export interface RunAfterEdge {
  name: string;
  slot: number;
  statuses: ReadonlySet<string>;
  mask: number;
}

export interface PlannedGraph {
  /** Actions in the order the engine runs them: runAfter order, ties by definition order. */
  order: PlannedAction[];
  byName: Map<string, PlannedAction>;
  /** Actions no other action of this graph runs after: their statuses decide the graph's. */
  leaves: PlannedAction[];
}

export interface Plan {
  root: PlannedGraph;
  /** Every action of the definition by name (names are unique across the whole definition). */
  actions: Map<string, PlannedAction>;
}

export interface DefinitionProblem {
  message: string;
  path: readonly (string | number)[];
}

/**
 * Checks a definition and prepares it for running: every action type known, runAfter naming
 * siblings with valid statuses, no cycles, unique names, documented limits. Throws a
 * DefinitionError naming the first problem's action and JSON path (all problems in `problems`).
 */
export function planWorkflow(workflow: LoadedWorkflow): Plan {
  const problems: DefinitionProblem[] = [];
  const all = new Map<string, PlannedAction>();
  const definition = workflow.definition;
  const report = (message: string, path: readonly (string | number)[]) => problems.push({ message, path });

  const planGraph = (actions: unknown, path: readonly (string | number)[], parent: PlannedAction | undefined, depth: number, insideLoop: boolean): PlannedGraph => {
    const graph: PlannedGraph = { order: [], byName: new Map(), leaves: [] };
    if (actions === undefined || actions === null) return graph;
    if (typeof actions !== 'object' || Array.isArray(actions)) {
      report('expected "actions" to be an object of actions by name', path);
      return graph;
    }
    if (depth > LIMITS.nestingDepth) report(`actions are nested ${depth} levels deep; Power Automate allows ${LIMITS.nestingDepth}`, path);
    const declared: PlannedAction[] = [];
    for (const [name, raw] of Object.entries(actions as Record<string, unknown>)) {
      const actionPath = [...path, name];
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
        report(`action "${name}" must be an object with a "type"`, actionPath);
        continue;
      }
      const action = raw as ActionDefinition;
      if (name.length > LIMITS.nameLength) report(`action name "${name}" is longer than ${LIMITS.nameLength} characters`, actionPath);
      if (all.has(name)) report(`action name "${name}" is used twice; names must be unique across the whole flow`, actionPath);
      if (typeof action.type !== 'string') {
        report(`action "${name}" has no "type"`, actionPath);
        continue;
      }
      const type = actionTypes.get(action.type.toLowerCase());
      if (!type) {
        report(`action "${name}" has unknown type "${action.type}"; known types: ${[...new Set([...actionTypes.values()].map((t) => t.type))].sort().join(', ')}`, [...actionPath, 'type']);
        continue;
      }
      const secure = action.runtimeConfiguration?.secureData?.properties ?? [];
      const planned: PlannedAction = {
        name,
        definition: action,
        type,
        path: actionPath,
        runAfter: [],
        branches: new Map(),
        branchList: [],
        compiled: new Map(),
        secureInputs: secure.includes('inputs'),
        secureOutputs: secure.includes('outputs'),
        parent,
        insideLoop,
        graph,
        slot: -1,
        timeoutMs: action.limit?.timeout === undefined || /^until$/i.test(action.type) ? undefined : parseIsoDuration(action.limit.timeout),
        inputsTemplate: undefined,
        index: all.size,
        nameValueInputs: isNameValue(action.inputs),
        notTakenError: undefined,
      };
      all.set(name, planned);
      declared.push(planned);
      type.validate?.(action, (message, sub = []) => report(`action "${name}": ${message}`, [...actionPath, ...sub]));
      for (const part of ['inputs', 'expression', 'foreach', 'limit'] as const) {
        if (action[part] === undefined) continue;
        try {
          compileTemplate(action[part]);
        } catch (error) {
          report(`action "${name}": ${(error as Error).message}`, [...actionPath, part]);
        }
      }
      if (/^initializevariable$/i.test(action.type) && parent) report(`action "${name}": variables can only be initialized at the top level of a flow, not inside "${parent.name}"`, actionPath);
      if (/^terminate$/i.test(action.type) && insideLoop) report(`action "${name}": Terminate cannot be inside a Foreach or Until loop`, actionPath);
      const loop = insideLoop || /^(foreach|until)$/i.test(action.type);
      for (const branch of type.branches?.(action) ?? []) {
        const graph = planGraph(branch.actions, [...actionPath, ...branch.path], planned, depth + 1, loop);
        planned.branches.set(branch.key, graph);
        planned.branchList.push({ key: branch.key, graph });
      }
    }
    for (const action of declared) {
      graph.byName.set(action.name, action);
    }
    for (const action of declared) {
      const runAfter = action.definition.runAfter ?? {};
      if (typeof runAfter !== 'object' || Array.isArray(runAfter)) {
        report(`action "${action.name}": "runAfter" must be an object of action names to status lists`, [...action.path, 'runAfter']);
        continue;
      }
      const edges: RunAfterEdge[] = [];
      for (const [predecessor, statuses] of Object.entries(runAfter)) {
        const where = [...action.path, 'runAfter', predecessor];
        if (!graph.byName.has(predecessor)) {
          const elsewhere = all.has(predecessor) ? ` ("${predecessor}" is in another scope; runAfter can only name actions of the same scope)` : '';
          report(`action "${action.name}" runs after "${predecessor}", which is not an action of the same scope${elsewhere}`, where);
          continue;
        }
        if (predecessor === action.name) report(`action "${action.name}" runs after itself`, where);
        const list = Array.isArray(statuses) && statuses.length > 0 ? statuses : ['Succeeded'];
        const normalized = new Set<string>();
        for (const status of list) {
          const known = RUN_AFTER_STATUSES.find((s) => typeof status === 'string' && s.toLowerCase() === status.toLowerCase());
          if (!known) report(`action "${action.name}": runAfter status ${JSON.stringify(status)} for "${predecessor}" is not one of ${RUN_AFTER_STATUSES.join(', ')}`, where);
          else normalized.add(known);
        }
        let mask = 0;
        for (const status of normalized) mask |= statusBit(status);
        edges.push({ name: predecessor, slot: -1, statuses: normalized, mask });
      }
      action.runAfter = edges;
    }
    graph.order = topologicalOrder(declared, report);
    graph.order.forEach((action, slot) => {
      action.slot = slot;
    });
    for (const action of graph.order) for (const edge of action.runAfter) (edge as { slot: number }).slot = (graph.byName.get(edge.name) as PlannedAction).slot;
    const hasSuccessor = new Set<string>();
    for (const action of declared) for (const edge of action.runAfter) hasSuccessor.add(edge.name);
    graph.leaves = declared.filter((a) => !hasSuccessor.has(a.name));
    return graph;
  };

  const triggers = definition.triggers ?? {};
  if (typeof triggers !== 'object' || Array.isArray(triggers)) report('expected "triggers" to be an object', ['triggers']);
  else if (Object.keys(triggers).length > 1) report(`a flow has one trigger; this definition has ${Object.keys(triggers).length}`, ['triggers']);
  else {
    for (const [name, trigger] of Object.entries(triggers)) {
      const type = typeof trigger?.type === 'string' ? triggerTypes.get(trigger.type.toLowerCase()) : undefined;
      if (!type) report(`trigger "${name}" has unknown type ${JSON.stringify(trigger?.type)}; known types: ${[...triggerTypes.values()].map((t) => t.type).join(', ')}`, ['triggers', name, 'type']);
      else type.validate?.(trigger, (message, sub = []) => report(`trigger "${name}": ${message}`, ['triggers', name, ...sub]));
    }
  }
  const root = planGraph(definition.actions ?? {}, ['actions'], undefined, 1, false);
  if (all.size > LIMITS.actionsPerWorkflow) report(`the flow has ${all.size} actions; Power Automate allows ${LIMITS.actionsPerWorkflow}`, ['actions']);

  if (problems.length > 0) {
    const first = problems[0] as DefinitionProblem;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    const error = new DefinitionError(`${first.message}${more}`, { file: workflow.file, pointer: workflow.definitionPointer + toPointer(first.path) });
    (error as DefinitionError & { problems: DefinitionProblem[] }).problems = problems;
    throw error;
  }
  return { root, actions: all };
}

function isNameValue(inputs: unknown): boolean {
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs) || Object.getPrototypeOf(inputs) !== Object.prototype) return false;
  const keys = Object.keys(inputs);
  return keys.length === 2 && keys.includes('name') && keys.includes('value');
}

/** Kahn's algorithm; among ready actions the one declared first runs first. Reports cycles by name. */
function topologicalOrder(actions: PlannedAction[], report: (message: string, path: readonly (string | number)[]) => void): PlannedAction[] {
  const position = new Map(actions.map((a, i) => [a.name, i]));
  const remaining = new Map(actions.map((a) => [a.name, a.runAfter.filter((e) => position.has(e.name) && e.name !== a.name).length]));
  const successors = new Map<string, PlannedAction[]>();
  for (const action of actions) for (const edge of action.runAfter) successors.set(edge.name, [...(successors.get(edge.name) ?? []), action]);
  const ready = actions.filter((a) => remaining.get(a.name) === 0);
  const order: PlannedAction[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (position.get(a.name) as number) - (position.get(b.name) as number));
    const next = ready.shift() as PlannedAction;
    order.push(next);
    for (const successor of successors.get(next.name) ?? []) {
      const left = (remaining.get(successor.name) as number) - 1;
      remaining.set(successor.name, left);
      if (left === 0) ready.push(successor);
    }
  }
  if (order.length < actions.length) {
    const stuck = actions.filter((a) => !order.includes(a));
    const cycle = findCycle(stuck);
    report(`runAfter forms a cycle: ${cycle.join(' -> ')}`, [...(stuck[0] as PlannedAction).path, 'runAfter']);
  }
  return order;
}

function findCycle(stuck: PlannedAction[]): string[] {
  const byName = new Map(stuck.map((a) => [a.name, a]));
  let current = stuck[0] as PlannedAction;
  const seen: string[] = [];
  while (!seen.includes(current.name)) {
    seen.push(current.name);
    const next = current.runAfter.find((e) => byName.has(e.name));
    if (!next) break;
    current = byName.get(next.name) as PlannedAction;
  }
  const start = seen.indexOf(current.name);
  return [...seen.slice(start), current.name];
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${escapePointer(String(segment))}`).join('');
}
