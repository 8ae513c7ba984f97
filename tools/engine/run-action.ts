import type { RunStatus } from '../expressions/context.js';
import { WorkflowExpressionError } from '../expressions/index.js';
import { parseIsoDuration } from './clock.js';
import type { PlannedAction, PlannedGraph } from './definition/plan.js';
import { ActionFailure } from './errors.js';
import { ActionRun } from './history/action-run.js';
import type { Frame, RunState } from './context/run-state.js';
import { evaluatePart } from './inputs/templates.js';
import type { Outcome } from './actions/action-type.js';
import { runGraph, type GraphResult } from './run-graph.js';

/** What an action type gets to do its work: its definition, the frame, evaluation, the clock. */
export class ActionExecution {
  /** When the action's `limit.timeout` runs out (virtual ms), if it has one. */
  readonly deadline: number | undefined;

  constructor(
    readonly action: PlannedAction,
    readonly frame: Frame,
    readonly record: ActionRun,
  ) {
    const timeout = parseIsoDuration(action.definition.limit?.timeout);
    this.deadline = timeout !== undefined && !/^until$/i.test(action.definition.type) ? record.start + timeout : undefined;
  }

  get run(): RunState {
    return this.frame.run;
  }

  get name(): string {
    return this.action.name;
  }

  /** Evaluates `definition.inputs` (templates compiled once per action). */
  inputs(): unknown {
    return evaluatePart(this.action, 'inputs', this.action.definition.inputs, this.frame.context);
  }

  /** Evaluates another part of the definition, possibly in another frame (a Select item). */
  evaluate(part: string, value: unknown, frame: Frame = this.frame): unknown {
    return evaluatePart(this.action, part, value, frame.context);
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

  /** Runs one of this container's branches in `frame`, starting at `start`. */
  runBranch(key: string, frame: Frame, start: number): Promise<GraphResult> {
    const graph = this.action.branches.get(key) as PlannedGraph | undefined;
    if (!graph) return Promise.resolve({ status: 'Succeeded', end: start, records: [] });
    return runGraph(graph, frame, start);
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown })?.then === 'function';
}

/**
 * Runs one action whose runAfter is satisfied: takes a concurrency turn (leaf actions), calls the
 * action type, turns what happened into the record's status, outputs and error.
 */
export async function runAction(action: PlannedAction, frame: Frame, start: number): Promise<ActionRun> {
  const run = frame.run;
  const record = new ActionRun(action.name, action.definition.type, start, frame.repetition);
  record.secureInputs = action.secureInputs;
  record.secureOutputs = action.secureOutputs;
  frame.records.set(action.name, record);
  run.latest.set(action.name, record);
  run.history.add(record);
  const leaf = !action.type.container;
  if (leaf) {
    const waiting = run.turns.acquire(frame.task, start);
    if (waiting) await waiting;
  }
  run.clock.setTime?.(start);
  const execution = new ActionExecution(action, frame, record);
  try {
    let outcome = action.type.run(execution);
    if (isPromise(outcome)) outcome = await outcome;
    applyOutcome(record, outcome);
    if (execution.deadline !== undefined && run.clock.now() > execution.deadline && record.status === 'Succeeded') {
      record.status = 'TimedOut';
      record.error = { code: 'ActionTimedOut', message: `The action '${action.name}' timed out after '${action.definition.limit?.timeout}'.` };
    }
  } catch (error) {
    failRecord(record, action.name, error);
  }
  if (leaf) {
    record.end = Math.max(record.end, run.clock.now());
    run.turns.release(frame.task, record.end);
  }
  return record;
}

function applyOutcome(record: ActionRun, outcome: Outcome): void {
  record.status = outcome.status ?? 'Succeeded';
  if (outcome.inputs !== undefined) record.inputs = outcome.inputs;
  if (outcome.outputs !== undefined) record.outputs = outcome.outputs;
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
