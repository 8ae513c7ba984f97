import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { ActionFailure } from '../errors.js';
import { FALSE_OUTCOME, TRUE_OUTCOME } from '../actions/if.js';
import { containerOutcome } from '../actions/container-status.js';
import { conditionValue, evaluateCondition } from '../actions/condition-expression.js';
import { isObject, wdlTypeName } from '../actions/values.js';
import type { Outcome } from '../actions/action-type.js';
import { compiledPart, evaluatePart } from '../inputs/templates.js';
import { CONDITION_FALSE, CONDITION_TRUE, EXPRESSION_TRUE, NOT_TAKEN, SKIPPED_EXTRAS } from '../history/record-shape.js';
import { applyOutcome, failRecord, notTakenError, placeRecord, skipNotTaken } from '../run-action.js';
import type { GraphResult } from '../run-graph.js';
import type { CompiledGraph, Step } from './compiled-graph.js';
import { runCompiledGraph } from './run-compiled-graph.js';

/**
 * If and Switch as steps: what actions/if.ts and actions/switch.ts do through run-action.ts
 * (record listed as running, the condition, the branches not taken recorded Skipped around the
 * branch that runs, the container's outcome), with the chosen branch run as compiled steps.
 * `branches`: the action's branchList, compiled, in the same order.
 */
export function ifStep(action: PlannedAction, branches: readonly CompiledGraph[]): Step {
  const [whenTrue, whenFalse] = branches as [CompiledGraph, CompiledGraph];
  const condition = ifCondition(action);
  return (frame, start) => {
    const record = startContainer(action, frame, start);
    try {
      const result = condition(frame);
      // Branch order is `actions`, then `else`: the skipped one is recorded before or after the taken one.
      if (!result) skipBranch(whenTrue, frame, start);
      const branch = runBranch(result ? whenTrue : whenFalse, frame, record, start);
      if (result) skipBranch(whenFalse, frame, start);
      applyOutcome(record, containerOutcome(record, branch, result ? TRUE_OUTCOME : FALSE_OUTCOME));
    } catch (error) {
      failRecord(record, action.name, error);
    }
    return storeIf(frame, record);
  };
}

/** An If's condition as a function of the frame: a template through its compiled part directly (the designer's object form as usual). */
export function ifCondition(action: PlannedAction): (frame: Frame) => boolean {
  const expression = action.definition.expression;
  if (isObject(expression)) return (frame) => evaluateCondition(action, expression, frame);
  let template: ((context: Frame) => unknown) | undefined;
  return (frame) => {
    template ??= compiledPart(action, 'expression', expression);
    const reads = frame.run.arrayReads;
    const from = reads.mark();
    const value = template(frame);
    reads.settle(from, value);
    return conditionValue(action, value);
  };
}

/** The If's record stored, by its known shape when it has one. */
export function storeIf(frame: Frame, record: ActionRun): ActionRun {
  const history = frame.run.history;
  if (record.error === undefined && record.outputs === undefined && record.extrasForHistory() === undefined && history.keepsShortcuts) history.storeKnownShape(record, record.inputs === EXPRESSION_TRUE ? CONDITION_TRUE : CONDITION_FALSE, undefined);
  else history.store(record);
  return record;
}

export function switchStep(action: PlannedAction, branches: readonly CompiledGraph[]): Step {
  const cases = switchCases(action);
  return (frame, start) => {
    const record = startContainer(action, frame, start);
    try {
      const value = switchValue(action, frame);
      const taken = caseTaken(cases, value);
      for (let b = 0; b < taken; b++) skipBranch(branches[b] as CompiledGraph, frame, start);
      const branch = runBranch(branches[taken] as CompiledGraph, frame, record, start);
      for (let b = taken + 1; b < branches.length; b++) skipBranch(branches[b] as CompiledGraph, frame, start);
      applyOutcome(record, switchOutcome(record, branch, cases, taken, value));
    } catch (error) {
      failRecord(record, action.name, error);
    }
    frame.run.history.store(record);
    return record;
  };
}

/** A Switch's cases in definition order; branchList holds them in that order, then default (actions/switch.ts). */
export function switchCases(action: PlannedAction): Array<[string, { case: unknown }]> {
  return Object.entries(action.definition.cases ?? {}) as Array<[string, { case: unknown }]>;
}

export function switchValue(action: PlannedAction, frame: Frame): string | number {
  const value = evaluatePart(action, 'expression', action.definition.expression, frame);
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ActionFailure('InvalidTemplate', `The 'expression' of Switch action '${action.name}' must evaluate to a String or an Integer; it returned a value of type '${wdlTypeName(value)}'.`);
  }
  return value;
}

/** The index of the branch taken: the first matching case, else default (the last branch). */
export function caseTaken(cases: Array<[string, { case: unknown }]>, value: string | number): number {
  for (let i = 0; i < cases.length; i++) {
    const c = (cases[i] as [string, { case: unknown }])[1];
    if (c.case === value || (typeof c.case === 'number' && String(c.case) === String(value))) return i;
  }
  return cases.length;
}

export function switchOutcome(record: ActionRun, branch: GraphResult, cases: Array<[string, { case: unknown }]>, taken: number, value: string | number): Outcome {
  const caseName = taken === cases.length ? 'default' : (cases[taken] as [string, unknown])[0];
  return containerOutcome(record, branch, { inputs: { expressionValue: value }, outputs: { caseName } } as Outcome);
}

/**
 * run-action.ts's runAction for a container. The general path lists its record as running while
 * its branch runs; here nothing can read the history before the step ends, so it only takes its place.
 */
export function startContainer(action: PlannedAction, frame: Frame, start: number): ActionRun {
  const run = frame.run;
  const record = placeRecord(action, frame, start);
  run.history.reserve(record);
  run.clock.setTime?.(start);
  return record;
}

/** ActionExecution.runBranch with the branch compiled. */
function runBranch(branch: CompiledGraph, frame: Frame, record: ActionRun, start: number): GraphResult {
  if (branch.graph.order.length === 0) return emptyBranch(start);
  return runCompiledGraph(branch, branchFrame(branch, frame, record), start);
}

/** What an empty branch's pass gives. */
export function emptyBranch(start: number): GraphResult {
  return { status: 'Succeeded', end: start, frame: undefined };
}

/** The frame a (non-empty) branch runs in, the container record's inner pass. */
export function branchFrame(branch: CompiledGraph, frame: Frame, record: ActionRun): Frame {
  const inner = frame.branch(branch.graph);
  record.innerPass = inner;
  return inner;
}

/** The actions of a branch not taken, recorded Skipped: run-action.ts's skipNotTaken, stored by their known shape. */
export function skipBranch(branch: CompiledGraph, frame: Frame, at: number): void {
  const order = branch.graph.order;
  const run = frame.run;
  const history = run.history;
  if (!history.keepsShortcuts) {
    for (let a = 0; a < order.length; a++) skipNotTaken(order[a] as PlannedAction, frame, at);
    return;
  }
  for (let a = 0; a < order.length; a++) {
    const action = order[a] as PlannedAction;
    const record = frame.takeNotTakenRecord(action, at);
    record.status = 'Skipped';
    record.restoreExtras(SKIPPED_EXTRAS);
    record.error = notTakenError(action);
    run.latest[action.index] = record;
    history.reserve(record);
    history.storeKnownShape(record, NOT_TAKEN, undefined);
  }
}
