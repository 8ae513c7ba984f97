import type { RunStatus } from '../expressions/context.js';
import { compileTemplate, WorkflowExpressionError } from '../expressions/index.js';
import type { PlannedAction, PlannedGraph } from './definition/plan.js';
import { ActionFailure } from './errors.js';
import { ActionRun, type ActionError } from './history/action-run.js';
import { trackProperties } from './history/tracked-properties.js';
import { APPEND_VARIABLE, BRANCH_NOT_TAKEN, SET_VARIABLE, SKIPPED_EXTRAS } from './history/record-shape.js';
import type { RunState } from './context/run-state.js';
import type { Frame, LoopKind } from './context/frame.js';
import type { Task } from './context/turns.js';
import { evaluatePart } from './inputs/templates.js';
import { compileInputs } from './inputs/name-value-template.js';
import { RECORDED, type Outcome } from './actions/action-type.js';
import { runGraph, type GraphResult } from './run-graph.js';
import { isPromise, type MaybePromise } from './sync-or-async.js';

/** What an action type gets to do its work: its definition, the frame, evaluation, the clock. */
export class ActionExecution {
  /** When the action's `limit.timeout` runs out (virtual ms), if it has one. */
  deadline: number | undefined;

  constructor(
    readonly action: PlannedAction,
    readonly frame: Frame,
    readonly record: ActionRun,
  ) {
    this.deadline = deadlineOf(action, record);
  }

  get run(): RunState {
    return this.frame.run;
  }

  get name(): string {
    return this.action.name;
  }

  /** Evaluates `definition.inputs` (templates compiled once per action). */
  inputs(): unknown {
    const template = inputsTemplateOf(this.action);
    const reads = this.frame.run.arrayReads;
    const from = reads.mark();
    const result = template(this.frame);
    reads.settle(from, result);
    return result;
  }

  /** The action succeeded with these inputs and outputs: written into its record now (see RECORDED). */
  succeeded(inputs: unknown, outputs?: unknown): Outcome {
    const record = this.record;
    record.status = 'Succeeded';
    record.inputs = inputs;
    record.outputs = outputs;
    return RECORDED;
  }

  /**
   * A variable action succeeded with its evaluated `{name, value}` inputs: when the definition
   * guarantees that shape, the history keeps the value alone without checking (record-shape.ts).
   */
  succeededWithVariable(inputs: Record<string, unknown>, outputs: unknown, shape: typeof SET_VARIABLE | typeof APPEND_VARIABLE): Outcome {
    if (this.action.nameValueInputs) this.record.valueShape = shape;
    return this.succeeded(inputs, outputs);
  }

  /** Evaluates another part of the definition, possibly in another frame (a Select item). */
  evaluate(part: string, value: unknown, frame: Frame = this.frame): unknown {
    return evaluatePart(this.action, part, value, frame);
  }

  now(): number {
    return this.run.clock.now();
  }

  /** Waits on the run's clock; past the action's timeout the action ends TimedOut. */
  async sleep(ms: number): Promise<void> {
    if (this.deadline !== undefined && this.now() + ms > this.deadline) {
      await this.run.clock.sleep(Math.max(0, this.deadline - this.now()));
      throw new ActionFailure('ActionTimedOut', `The action '${this.name}' timed out after '${this.action.definition.limit?.timeout}'.`, undefined, 'TimedOut');
    }
    await this.run.clock.sleep(ms);
  }

  /** Runs one of this container's branches, in a new frame, starting at `start`. */
  runBranch(key: string, start: number): MaybePromise<GraphResult> {
    const graph = this.action.branches.get(key) as PlannedGraph | undefined;
    if (!graph || graph.order.length === 0) return { status: 'Succeeded', end: start, frame: undefined };
    const frame = this.frame.branch(graph);
    this.record.innerPass = frame;
    return runGraph(graph, frame, start);
  }

  /**
   * Records the top-level actions of the branches not taken as Skipped, one record each and nothing
   * evaluated, as Logic Apps' run history shows them (ActionBranchingConditionNotSatisfied); actions
   * nested deeper are not listed, as for a container skipped by runAfter: the service returns no
   * record for them (its designer marks them Skipped from their skipped parent, Azure/LogicAppsUX#3240,
   * #3266, rather than from a record of their own). They live in no pass (so
   * they do not count toward the branch's status) but are each action's latest record. `after`:
   * the branches listed after `taken` (recorded once it ran), else those before it.
   */
  skipBranchesNotTaken(taken: string, after: boolean): void {
    let passed = false;
    const branches = this.action.branchList;
    for (let b = 0; b < branches.length; b++) {
      const { key, graph } = branches[b] as { key: string; graph: PlannedGraph };
      if (key === taken) passed = true;
      else if (passed === after) for (let a = 0; a < graph.order.length; a++) skipNotTaken(graph.order[a] as PlannedAction, this.frame, this.record.start);
    }
  }

  /**
   * Runs one loop iteration of this container's `actions`, in its own frame (and task when
   * concurrent). `previous`: the frame of an ended iteration of this loop, reused if pooled.
   */
  runIteration(kind: LoopKind, item: unknown, index: number, start: number, task?: Task, previous?: Frame): MaybePromise<GraphResult> {
    const graph = this.action.branches.get('actions') as PlannedGraph;
    const frame = this.frame.iteration(graph, kind, this.name, item, index, task, previous);
    this.record.innerPass = frame;
    return runGraph(graph, frame, start);
  }

  /** A frame binding `item()` for a Select/Query/Table item. */
  itemFrame(item: unknown, index: number): Frame {
    return this.frame.iteration(undefined, 'repeat', this.name, item, index);
  }
}

/** The action's compiled `inputs` template (made on first use, kept on the planned action). */
export function inputsTemplateOf(action: PlannedAction): (context: Frame) => unknown {
  let template = action.inputsTemplate as ((context: Frame) => unknown) | undefined;
  if (!template) {
    template = (action.nameValueInputs ? compileInputs(action.definition.inputs) : compileTemplate(action.definition.inputs)) as (context: Frame) => unknown;
    action.inputsTemplate = template as (context: never) => unknown;
  }
  return template;
}

/** The shared Skipped error of `action`'s records when its branch is not taken (made once, frozen). */
export function notTakenError(action: PlannedAction): ActionError {
  let error = action.notTakenError;
  if (!error) {
    error = Object.freeze({ code: BRANCH_NOT_TAKEN, message: `The execution of template action '${action.name}' skipped: the branching condition for this action is not satisfied.` });
    action.notTakenError = error;
  }
  return error;
}

export function skipNotTaken(action: PlannedAction, frame: Frame, at: number): void {
  const record = frame.takeNotTakenRecord(action, at);
  record.status = 'Skipped';
  record.restoreExtras(SKIPPED_EXTRAS);
  record.error = notTakenError(action);
  const run = frame.run;
  run.latest[action.index] = record;
  run.history.addFinished(record);
}

/**
 * Runs one action whose runAfter is satisfied: takes a concurrency turn (leaf actions), calls the
 * action type, turns what happened into the record's status, outputs and error. Returns the record
 * synchronously when the action type did.
 */
export function runAction(action: PlannedAction, frame: Frame, start: number): MaybePromise<ActionRun> {
  const run = frame.run;
  const record = placeRecord(action, frame, start);
  const leaf = !action.type.container;
  const execution = executionFor(action, frame, record);
  if (!leaf) run.history.add(record);
  else {
    const task = frame.task;
    if (run.turns.tryAcquire(task, start)) run.history.reserve(record);
    else {
      run.history.add(record);
      // A task waits for one action at a time: the action waits on the task, and the handler is
      // made once per task, not once per action.
      task.parked = execution;
      return run.turns.wait(task, (task.onGranted ??= grantedHandler(task))) as PromiseLike<ActionRun>;
    }
  }
  return execute(execution, leaf);
}

/** The record an action starts with, in its frame's slot and as the action's latest record. */
export function placeRecord(action: PlannedAction, frame: Frame, start: number): ActionRun {
  return placeTakenRecord(action, frame, frame.takeRecord(action, start));
}

/** placeRecord for a record already taken (compiled loops take theirs at the loop's time: Frame.takeLoopRecord). */
export function placeTakenRecord(action: PlannedAction, frame: Frame, record: ActionRun): ActionRun {
  if (action.secureInputs) record.secureInputs = true;
  if (action.secureOutputs) record.secureOutputs = true;
  frame.slots[action.slot] = record;
  frame.run.latest[action.index] = record;
  return record;
}

function deadlineOf(action: PlannedAction, record: ActionRun): number | undefined {
  const timeout = action.timeoutMs;
  return timeout === undefined ? undefined : record.start + timeout;
}

/** A new execution, or in a pooled frame the slot's own (its record is the slot's pooled record). */
export function executionFor(action: PlannedAction, frame: Frame, record: ActionRun): ActionExecution {
  const pool = frame.pool;
  if (pool === undefined) return new ActionExecution(action, frame, record);
  let execution = pool.executions[action.slot] as ActionExecution | undefined;
  if (execution === undefined) pool.executions[action.slot] = execution = new ActionExecution(action, frame, record);
  else execution.deadline = deadlineOf(action, record);
  return execution;
}

/** Closures live in these small functions: in the hot ones V8 would allocate their context on every call. */
function grantedHandler(task: Task): () => MaybePromise<ActionRun> {
  return () => {
    const execution = task.parked as ActionExecution;
    task.parked = undefined;
    return execute(execution, true);
  };
}

function finishWhenSettled(outcome: PromiseLike<Outcome>, execution: ActionExecution, leaf: boolean): PromiseLike<ActionRun> {
  const record = execution.record;
  return outcome.then(
    (settled) => {
      applyOutcome(record, settled);
      return finish(execution, leaf);
    },
    (error: unknown) => {
      failRecord(record, execution.action.name, error);
      return finish(execution, leaf);
    },
  );
}

function execute(execution: ActionExecution, leaf: boolean): MaybePromise<ActionRun> {
  const { action, record } = execution;
  const run = execution.frame.run;
  run.clock.setTime?.(record.start);
  let outcome: MaybePromise<Outcome>;
  try {
    outcome = action.type.run(execution);
  } catch (error) {
    failRecord(record, action.name, error);
    return finish(execution, leaf);
  }
  if (isPromise(outcome)) {
    if (leaf) run.history.keepLive(record);
    return finishWhenSettled(outcome, execution, leaf);
  }
  applyOutcome(record, outcome);
  return finish(execution, leaf);
}

function finish(execution: ActionExecution, leaf: boolean): ActionRun {
  const { record, run, action } = execution;
  if (execution.deadline !== undefined && run.clock.now() > execution.deadline && record.status === 'Succeeded') {
    record.status = 'TimedOut';
    record.error = { code: 'ActionTimedOut', message: `The action '${action.name}' timed out after '${action.definition.limit?.timeout}'.` };
  }
  if (leaf) {
    record.end = Math.max(record.end, run.clock.now());
    run.turns.release(execution.frame.task, record.end);
  }
  if (action.definition.trackedProperties !== undefined) trackProperties(action, execution.frame, record);
  run.history.store(record);
  return record;
}

export function applyOutcome(record: ActionRun, outcome: Outcome): void {
  if (outcome === RECORDED) return;
  record.status = outcome.status ?? 'Succeeded';
  record.inputs = outcome.inputs;
  record.outputs = outcome.outputs;
  if (outcome.error) record.error = outcome.error;
  if (outcome.code) record.code = outcome.code;
}

/** Turns a thrown error into the Failed (or TimedOut) record Logic Apps would show. */
export function failRecord(record: ActionRun, name: string, error: unknown): void {
  const status: RunStatus = error instanceof ActionFailure ? error.status : 'Failed';
  record.status = status;
  if (error instanceof ActionFailure) {
    record.error = { code: error.code, message: error.message };
    if (error.outputs !== undefined) record.outputs = error.outputs;
  } else if (error instanceof WorkflowExpressionError || (error instanceof Error && error.name === 'ExpressionSyntaxError')) {
    record.error = { code: 'InvalidTemplate', message: `Unable to process template language expressions in action '${name}' inputs at line '0' and column '0': '${error.message}'.` };
  } else {
    record.error = { code: 'ActionFailed', message: error instanceof Error ? error.message : String(error) };
  }
  record.code = record.error.code;
}
