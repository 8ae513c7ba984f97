import { createHash } from 'node:crypto';
import type { RunStatus } from '../expressions/index.js';
import { evaluateTemplate } from '../expressions/index.js';
import { FakeClock, type Clock } from './clock.js';
import { loadWorkflow } from './definition/load-workflow.js';
import { resolveParameters } from './definition/parameters.js';
import { planWorkflow, type Plan } from './definition/plan.js';
import type { ConnectionReference, LoadedWorkflow, TriggerDefinition, WorkflowDefinition } from './definition/types.js';
import { withConnectionTokens } from './connectors/connection-tokens.js';
import { ConnectionResolver, type ConnectionConfig } from './connectors/connections.js';
import { RunState } from './context/run-state.js';
import { Frame } from './context/frame.js';
import type { ChildFlowResult, RunServices } from './context/services.js';
import type { HttpTransport } from './connectors/transport.js';
import { ActionRun, type ActionError } from './history/action-run.js';
import { RunHistory, type HistoryDetail, type HistoryOptions } from './history/run-history.js';
import { failRecord } from './run-action.js';
import { runGraph } from './run-graph.js';
import { triggerTypes } from './triggers/index.js';
import { PreparedTrigger } from './triggers/split-on-item.js';
import { ACTION_FAILED } from './actions/container-status.js';
import { InputError } from '../core/errors.js';

/** Finds a child flow by `workflowReferenceName` (its Dataverse workflow id) or name. */
export type ChildFlowResolver = (reference: string) => LoadedWorkflow | undefined | Promise<LoadedWorkflow | undefined>;

export interface RunFlowOptions {
  /** What to run: a loaded workflow, a bare definition, or a file (`flow.json`, `solution.zip#Flow`). */
  workflow?: LoadedWorkflow;
  definition?: WorkflowDefinition;
  workflowFile?: string;
  /** Connection references when `definition` is given bare. */
  connectionReferences?: Record<string, ConnectionReference>;
  /** Connection bindings by reference key, logical name or API name; or a resolver shared by runs. */
  connections?: Record<string, ConnectionConfig> | ConnectionResolver;
  /** Folder relative swagger paths in `connections` are read from. */
  connectionsBaseDir?: string;
  /** Parameter (environment variable) values by name or schema name. */
  parameters?: Record<string, unknown>;
  /** The trigger payload: `{headers, body}` or the body itself. */
  trigger?: unknown;
  /** The run's clock; default a fake clock at `now` (or the current time). Never really sleeps unless a real clock is given. */
  clock?: Clock;
  now?: string | Date | number;
  /** Child flows for Workflow actions: a resolver, or a list searched by id and name. */
  childFlows?: ChildFlowResolver | readonly LoadedWorkflow[];
  fetch?: typeof fetch;
  /** How connector and Http requests travel (e.g. a service answered in process); default real HTTP through `fetch`. */
  transport?: HttpTransport;
  requestTimeoutMs?: number;
  /** How long webhook actions wait for their callback, on the run's clock; default 30 days (Power Automate's run limit). */
  webhookTimeoutMs?: number;
  /** With a virtual clock: real ms a service gets to call back before the wait counts as timed out (default 2 s). */
  webhookCallbackWaitMs?: number;
  /** A run id to use instead of the derived one. */
  runId?: string;
  /**
   * Called once per finished action record (every loop repetition, skipped actions, the actions of
   * child runs: `run` is the history the record belongs to), with its inputs and outputs.
   */
  onActionComplete?: (record: ActionRun, run: RunHistory) => void;
  /** `outline` keeps no action inputs/outputs in the history (see HistoryDetail); default `full`. Child runs inherit it. */
  historyDetail?: HistoryDetail;
  /** false: loops make fresh record objects instead of reusing pooled ones (see HistoryOptions.reuseRecords). */
  reuseRecords?: boolean;
  /** false: loop bodies never run compiled (see HistoryOptions.compiledLoops). */
  compiledLoops?: boolean;
}

export interface RunResult {
  runId: string;
  status: RunStatus;
  error?: ActionError;
  /** The definition's `outputs` section, evaluated at the end of the run. */
  outputs: Record<string, unknown>;
  /** What a Response action returned, if any. */
  response?: { statusCode: number; headers: Record<string, string>; body: unknown };
  startTime: string;
  endTime: string;
  history: RunHistory;
}

const MAX_CHILD_DEPTH = 8;
/** A pending webhook ends with the run: Power Automate's run duration limit is 30 days. */
const WEBHOOK_DEFAULT_TIMEOUT_MS = 30 * 24 * 3_600_000;
let runSequence = 0;

/** Runs a flow once, from its trigger to its last action. Never throws for run failures: they are in the result. */
export async function runFlow(options: RunFlowOptions): Promise<RunResult> {
  const { workflow, solutionChildren } = await resolveWorkflow(options);
  const plan = planWorkflow(workflow);
  const clock = options.clock ?? new FakeClock(options.now ?? Date.now());
  const connections = options.connections instanceof ConnectionResolver ? options.connections : new ConnectionResolver(options.connections ?? {}, options.connectionsBaseDir);
  const childFlows = options.childFlows ?? solutionChildren;
  const context: SharedRunContext = {
    clock,
    connections,
    childFlows: typeof childFlows === 'function' ? childFlows : listResolver(childFlows ?? []),
    fetch: options.fetch ?? globalThis.fetch,
    transport: options.transport,
    requestTimeoutMs: options.requestTimeoutMs ?? 120_000,
    webhookTimeoutMs: options.webhookTimeoutMs ?? WEBHOOK_DEFAULT_TIMEOUT_MS,
    webhookCallbackWaitMs: options.webhookCallbackWaitMs ?? 2_000,
    parameters: options.parameters ?? {},
    history: { detail: options.historyDetail ?? 'full', onActionComplete: options.onActionComplete, reuseRecords: options.reuseRecords, compiledLoops: options.compiledLoops },
  };
  return executeRun(workflow, plan, options.trigger, context, 0, undefined, options.runId);
}

interface SharedRunContext {
  clock: Clock;
  connections: ConnectionResolver;
  childFlows: ChildFlowResolver;
  fetch: typeof fetch;
  transport: HttpTransport | undefined;
  requestTimeoutMs: number;
  webhookTimeoutMs: number;
  webhookCallbackWaitMs: number;
  parameters: Record<string, unknown>;
  /** History options every run of this call (the parent and its child runs) uses. */
  history: HistoryOptions;
}

/** The workflow a run options object names, with the solution's other flows (child flows) when it came from a file. */
export async function resolveWorkflow(options: RunFlowOptions): Promise<{ workflow: LoadedWorkflow; solutionChildren?: readonly LoadedWorkflow[] }> {
  if (options.workflow) return { workflow: options.workflow };
  if (options.definition) {
    return { workflow: { name: 'flow', definition: options.definition, connectionReferences: options.connectionReferences ?? {}, definitionPointer: '' } };
  }
  if (options.workflowFile) {
    const loaded = await loadWorkflow(options.workflowFile);
    return { workflow: loaded.workflow, solutionChildren: loaded.solution?.workflows };
  }
  throw new InputError('runFlow needs a workflow, a definition or a workflowFile');
}

function listResolver(list: readonly LoadedWorkflow[]): ChildFlowResolver {
  return (reference) => {
    const wanted = reference.replace(/[{}]/g, '').toLowerCase();
    return list.find((w) => w.id === wanted) ?? list.find((w) => w.name.toLowerCase() === wanted);
  };
}

function deriveRunId(name: string, start: number): string {
  const hash = createHash('sha256').update(`${name}|${start}|${runSequence++}`).digest();
  let digits = '08585';
  for (let i = 0; digits.length < 29; i++) digits += ((hash[i] as number) % 10).toString();
  return `${digits}CU00`;
}

async function executeRun(workflow: LoadedWorkflow, plan: Plan, payload: unknown, shared: SharedRunContext, depth: number, parent: { runId: string; action: string } | undefined, runId?: string): Promise<RunResult> {
  const start = shared.clock.now();
  const id = runId ?? deriveRunId(workflow.id ?? workflow.name, start);
  const history = new RunHistory(id, workflow.name, workflow.id, parent, shared.history);
  history.start = start;
  const parameters = withConnectionsParameter(resolveParameters(workflow.definition, shared.parameters, workflow.environmentVariables, workflow.file), shared.connections, workflow);
  const services: RunServices = {
    connections: shared.connections,
    fetch: shared.fetch,
    transport: shared.transport,
    requestTimeoutMs: shared.requestTimeoutMs,
    webhookTimeoutMs: shared.webhookTimeoutMs,
    webhookCallbackWaitMs: shared.webhookCallbackWaitMs,
    runChildFlow: async (reference, body, headers, caller) => {
      if (depth + 1 > MAX_CHILD_DEPTH) throw new Error(`child flows are nested more than ${MAX_CHILD_DEPTH} deep`);
      const child = await shared.childFlows(reference);
      if (!child) return undefined;
      const result = await executeRun(child, planWorkflow(child), { headers, body }, shared, depth + 1, caller);
      history.childRuns.push(result.history);
      const outcome: ChildFlowResult = { status: result.status, response: result.response, history: result.history };
      if (result.error) outcome.error = result.error;
      return outcome;
    },
  };
  const run = new RunState(id, workflow, plan, parameters, shared.clock, history, services, depth);
  const task = run.turns.spawn([], start);
  const root = new Frame(run, undefined, task, plan.root, undefined);

  const triggerFailed = fireTrigger(run, payload, start, depth > 0);
  let status: RunStatus;
  let error: ActionError | undefined;
  let end = start;
  const unmetCondition = triggerFailed ? undefined : unmetTriggerCondition(run, root);
  if (triggerFailed) {
    status = 'Failed';
    error = triggerFailed;
  } else if (unmetCondition) {
    // A trigger condition that is false means no run: the trigger is recorded as Skipped.
    status = 'Skipped';
    error = { code: 'TriggerConditionNotMet', message: `The trigger condition '${unmetCondition}' evaluated to false; no actions ran.` };
    if (run.trigger) run.trigger.status = 'Skipped';
  } else {
    const result = await runGraph(plan.root, root, start);
    end = Math.max(result.end, start);
    if (run.terminated) {
      status = run.terminated.status;
      error = run.terminated.error;
    } else {
      status = result.status === 'Failed' ? 'Failed' : result.status === 'Cancelled' ? 'Cancelled' : 'Succeeded';
      if (status === 'Failed') error = ACTION_FAILED;
    }
  }
  run.turns.finish(task);
  shared.clock.setTime?.(end);
  const outputs = triggerFailed || unmetCondition ? {} : evaluateOutputs(workflow.definition, root);
  history.status = status;
  history.error = error;
  history.end = end;
  history.outputs = outputs;
  history.response = run.response;
  const result: RunResult = { runId: id, status, outputs, startTime: new Date(start).toISOString(), endTime: new Date(end).toISOString(), history };
  if (error) result.error = error;
  if (run.response) result.response = { statusCode: run.response.statusCode, headers: run.response.headers, body: run.response.body };
  return result;
}

/** Records the trigger; returns the run's error when the payload does not fit the trigger. */
function fireTrigger(run: RunState, payload: unknown, start: number, calledByParent: boolean): ActionError | undefined {
  const entries = Object.entries(run.workflow.definition.triggers ?? {});
  const [name, definition] = entries[0] ?? ['manual', { type: 'Request', kind: 'Http' }];
  const record = new ActionRun(name, definition.type, start, undefined);
  run.trigger = record;
  run.history.trigger = record;
  try {
    const type = triggerTypes.get(definition.type.toLowerCase());
    // A trigger fired and debatched by splitOn (triggers/split-on.ts) brings its own firing.
    const fired = payload instanceof PreparedTrigger ? payload.fire() : type ? type.fire(definition, payload, start, name) : { outputs: payload };
    record.inputs = fired.inputs;
    record.outputs = manualWithTokens(definition, fired.outputs, calledByParent) ? { ...(fired.outputs as object), headers: withConnectionTokens((fired.outputs as { headers: Record<string, string> }).headers, run.parameters.get('$connections')) } : fired.outputs;
    record.status = 'Succeeded';
    if ('scheduledTime' in fired && fired.scheduledTime) (record as ActionRun & { scheduledTime?: string }).scheduledTime = fired.scheduledTime;
    if (fired.clientTrackingId !== undefined) record.clientTrackingId = fired.clientTrackingId;
    return undefined;
  } catch (error) {
    failRecord(record, name, error);
    return record.error;
  }
}

/**
 * Whether the platform would hand this run the caller's connections (`X-MS-APIM-Tokens`): a manual
 * trigger (button, Power Apps, child flow) or any run started by a parent flow; not a plain HTTP
 * request from outside, nor a schedule.
 */
function manualWithTokens(definition: TriggerDefinition, outputs: unknown, calledByParent: boolean): boolean {
  if (!/^request$/i.test(definition.type)) return false;
  if (outputs === null || typeof outputs !== 'object' || typeof (outputs as { headers?: unknown }).headers !== 'object') return false;
  return calledByParent || !/^http$/i.test(definition.kind ?? 'Http');
}

/**
 * Legacy ApiConnection actions read `parameters('$connections')['shared_x']['connectionId']`: give
 * every bound connection an entry unless the caller set `$connections` itself.
 */
function withConnectionsParameter(parameters: Map<string, unknown>, connections: ConnectionResolver, workflow: LoadedWorkflow): Map<string, unknown> {
  const current = parameters.get('$connections');
  const given = current && typeof current === 'object' && Object.keys(current).length > 0 ? (current as Record<string, unknown>) : undefined;
  if (given && !('value' in given)) return parameters;
  const value: Record<string, unknown> = {};
  for (const key of [...connections.keys(), ...Object.keys(workflow.connectionReferences)]) {
    value[key] = { connectionId: key, connectionName: key, id: `/providers/Microsoft.PowerApps/apis/${key}` };
  }
  parameters.set('$connections', value);
  return parameters;
}

/** `conditions` of the trigger ("Trigger conditions" in settings): all must be true for the run to go on. */
function unmetTriggerCondition(run: RunState, root: Frame): string | undefined {
  const trigger = Object.values(run.workflow.definition.triggers ?? {})[0];
  for (const condition of trigger?.conditions ?? []) {
    let value: unknown;
    try {
      value = evaluateTemplate(condition.expression, root);
    } catch {
      value = false;
    }
    if (value !== true && !(typeof value === 'string' && value.toLowerCase() === 'true')) return condition.expression;
  }
  return undefined;
}

function evaluateOutputs(definition: WorkflowDefinition, root: Frame): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(definition.outputs ?? {})) {
    try {
      outputs[name] = evaluateTemplate(output?.value, root);
    } catch (error) {
      outputs[name] = { error: { code: 'InvalidTemplate', message: (error as Error).message } };
    }
  }
  return outputs;
}
