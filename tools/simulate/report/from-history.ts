import type { ActionDefinition, ActionRun, LoadedWorkflow, RunHistory } from '../../engine/index.js';

import { maskSecrets } from './mask.js';
import type { ReportActionNode, ReportRun } from './model.js';

export interface ReportLimits {
  /** Iterations of one loop shown in detail (a loop nested in another shows a fifth of them, at least 3). */
  maxIterations: number;
  /** Runs (parent and child runs together) shown in detail; the rest are left out. */
  maxRuns?: number;
  secrets: readonly string[];
}

/**
 * Turns one run's flat history (every action and loop repetition is one record) into the nested
 * tree the report draws, using the flow definition for the nesting: an action's record goes under
 * its container's record, inside the iteration its repetition index names.
 */
export function reportRuns(history: RunHistory, workflows: readonly LoadedWorkflow[], limits: ReportLimits): ReportRun[] {
  const runs: ReportRun[] = [];
  const visit = (run: RunHistory) => {
    if (runs.length >= (limits.maxRuns ?? Infinity)) return;
    const workflow = workflows.find((w) => (run.workflowId && w.id === run.workflowId) || w.name === run.workflowName);
    runs.push({
      id: run.runId,
      flow: run.workflowName,
      status: run.status,
      startTime: new Date(run.start).toISOString(),
      endTime: new Date(run.end).toISOString(),
      parentRunId: run.parent?.runId,
      error: run.error ? `${run.error.code}: ${run.error.message}` : undefined,
      actions: actionTree(run.records, workflow, limits),
    });
    for (const child of run.childRuns) visit(child);
  };
  visit(history);
  return runs;
}

interface Container {
  parent: string | undefined;
  loop: boolean;
}

function containers(workflow: LoadedWorkflow | undefined): Map<string, Container> {
  const map = new Map<string, Container>();
  const walk = (actions: Record<string, ActionDefinition> | undefined, parent: string | undefined, loop: boolean) => {
    for (const [name, action] of Object.entries(actions ?? {})) {
      map.set(name, { parent, loop });
      const a = action as ActionDefinition & { actions?: Record<string, ActionDefinition>; else?: { actions?: Record<string, ActionDefinition> }; cases?: Record<string, { actions?: Record<string, ActionDefinition> }>; default?: { actions?: Record<string, ActionDefinition> } };
      const isLoop = /^(foreach|until)$/i.test(action.type);
      walk(a.actions, name, isLoop);
      walk(a.else?.actions, name, false);
      walk(a.default?.actions, name, false);
      for (const branch of Object.values(a.cases ?? {})) walk(branch.actions, name, false);
    }
  };
  walk(workflow?.definition.actions as Record<string, ActionDefinition> | undefined, undefined, false);
  return map;
}

function actionTree(records: readonly ActionRun[], workflow: LoadedWorkflow | undefined, limits: ReportLimits): ReportActionNode[] {
  const structure = containers(workflow);
  const key = (name: string, repetition: readonly number[] | undefined) => `${name}|${(repetition ?? []).join(',')}`;
  // Shells first, masked inputs/outputs only for the nodes that end up in the tree: a loop shows
  // its first iterations, and masking the other (often 100k) records is most of the report's cost.
  const nodes = new Map<string, ReportActionNode>();
  const recordOf = new Map<ReportActionNode, ActionRun>();
  for (const record of records) {
    const node = shell(record);
    nodes.set(key(record.name, record.repetition), node);
    recordOf.set(node, record);
  }
  const roots: ReportActionNode[] = [];
  for (const record of records) {
    const node = nodes.get(key(record.name, record.repetition))!;
    const container = structure.get(record.name);
    if (!container?.parent) {
      roots.push(node);
      continue;
    }
    const repetition = record.repetition ?? [];
    const parentRepetition = container.loop ? repetition.slice(0, -1) : repetition;
    const parent = nodes.get(key(container.parent, parentRepetition));
    if (!parent) {
      roots.push(node);
      continue;
    }
    if (container.loop) {
      const index = repetition[repetition.length - 1] ?? 0;
      parent.iterations ??= [];
      const limit = repetition.length > 1 ? Math.max(3, Math.floor(limits.maxIterations / 5)) : limits.maxIterations;
      if (index >= limit) continue;
      let iteration = parent.iterations.find((i) => i.index === index);
      if (!iteration) {
        iteration = { index, children: [] };
        parent.iterations.push(iteration);
      }
      iteration.children.push(node);
    } else {
      (parent.children ??= []).push(node);
    }
  }
  const fill = (node: ReportActionNode) => {
    const record = recordOf.get(node);
    if (record) addDetails(node, record, limits);
    for (const child of node.children ?? []) fill(child);
    for (const iteration of node.iterations ?? []) for (const child of iteration.children) fill(child);
  };
  for (const root of roots) fill(root);
  return roots;
}

function shell(record: ActionRun): ReportActionNode {
  const node: ReportActionNode = {
    name: record.name,
    type: record.type,
    status: record.status,
    startTime: record.startTime,
    endTime: record.endTime,
    durationMs: record.end - record.start,
  };
  if (record.retries?.length) node.retries = record.retries.length;
  return node;
}

function addDetails(node: ReportActionNode, record: ActionRun, limits: ReportLimits): void {
  const options = { secrets: limits.secrets, maxStringLength: 600, maxItems: 12, maxDepth: 5 };
  if (record.inputs !== undefined) node.inputs = record.secureInputs ? 'Content not shown due to security configuration.' : maskSecrets(record.inputs, options);
  if (record.outputs !== undefined) node.outputs = record.secureOutputs ? 'Content not shown due to security configuration.' : maskSecrets(record.outputs, options);
  if (record.error) node.error = maskSecrets(record.error, options);
}
