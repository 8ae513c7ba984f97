import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { ActionFailure } from '../errors.js';
import { FALSE_OUTCOME, TRUE_OUTCOME } from '../actions/if.js';
import { containerOutcome } from '../actions/container-status.js';
import { conditionValue, evaluateCondition } from '../actions/condition-expression.js';
import { isObject, wdlTypeName } from '../actions/values.js';
import type { Outcome } from '../actions/action-type.js';
import { compiledPart, evaluatePart, mayReadVariables } from '../inputs/templates.js';
import { CONDITION_FALSE, CONDITION_TRUE, EXPRESSION_TRUE } from '../history/record-shape.js';
import type { GraphResult } from '../run-graph.js';

/**
 * What differs between If and Switch when they run compiled (actions/if.ts, actions/switch.ts):
 * how the branch is chosen, the container's outcome and how its record is stored. The rest (the
 * record, branches not taken recorded Skipped around the one taken) is the same for both, in the
 * step (branch-steps.ts) and turn by turn (turn-cursor.ts).
 */
export interface Branching {
  /**
   * An If (branches `actions`, then `else`): the steps then choose the branch, settle the outcome
   * and store the record with the module functions below (ifOutcome, storeIf) rather than through
   * the methods, calls V8 can inline.
   */
  readonly isIf: boolean;
  /** Evaluates the expression (may throw: the container then fails). */
  decide(frame: Frame): unknown;
  /** The index in branchList of the branch taken for a decision. */
  branchOf(decision: unknown): number;
  outcome(record: ActionRun, branch: GraphResult, decision: unknown): Outcome;
  store(frame: Frame, record: ActionRun): void;
}

export function ifBranching(action: PlannedAction): Branching {
  const expression = action.definition.expression;
  // A template condition is evaluated through its compiled part directly (the designer's object form as usual).
  let template: ((context: Frame) => unknown) | undefined;
  const readsVariables = mayReadVariables(expression);
  return {
    decide(frame) {
      if (isObject(expression)) return evaluateCondition(action, expression, frame);
      template ??= compiledPart(action, 'expression', expression);
      if (!readsVariables) return conditionValue(action, template(frame));
      const reads = frame.run.arrayReads;
      const from = reads.mark();
      const value = template(frame);
      reads.settle(from, value);
      return conditionValue(action, value);
    },
    isIf: true,
    // Branch order is `actions`, then `else`.
    branchOf: (decision) => (decision === true ? 0 : 1),
    outcome: ifOutcome,
    store: storeIf,
  };
}

/** An If's outcome once its branch ran (`decision` true: `actions`, else `else`). */
export function ifOutcome(record: ActionRun, branch: GraphResult, decision: unknown): Outcome {
  const taken = decision === true ? TRUE_OUTCOME : FALSE_OUTCOME;
  // containerOutcome's answer when the branch succeeded, without its general cases.
  if (branch.status !== 'Succeeded') return containerOutcome(record, branch, taken);
  if (branch.end > record.end) record.end = branch.end;
  return taken;
}

/** An If's record stored: by its known shape when it has one. */
export function storeIf(frame: Frame, record: ActionRun): void {
  const history = frame.run.history;
  if (record.error === undefined && record.outputs === undefined && record.extrasForHistory() === undefined && history.keepsShortcuts) history.storeCondition(record, record.inputs === EXPRESSION_TRUE ? CONDITION_TRUE : CONDITION_FALSE);
  else history.store(record);
}

export function switchBranching(action: PlannedAction): Branching {
  const definition = action.definition;
  // branchList holds the cases in definition order, then default (actions/switch.ts).
  const cases = Object.entries(definition.cases ?? {}) as Array<[string, { case: unknown }]>;
  return {
    isIf: false,
    decide(frame) {
      const value = evaluatePart(action, 'expression', definition.expression, frame);
      if (typeof value !== 'string' && typeof value !== 'number') {
        throw new ActionFailure('InvalidTemplate', `The 'expression' of Switch action '${action.name}' must evaluate to a String or an Integer; it returned a value of type '${wdlTypeName(value)}'.`);
      }
      return value;
    },
    branchOf(value) {
      for (let i = 0; i < cases.length; i++) {
        const c = (cases[i] as [string, { case: unknown }])[1];
        if (c.case === value || (typeof c.case === 'number' && String(c.case) === String(value))) return i;
      }
      return cases.length;
    },
    outcome(record, branch, value) {
      const taken = this.branchOf(value);
      const caseName = taken === cases.length ? 'default' : (cases[taken] as [string, unknown])[0];
      return containerOutcome(record, branch, { inputs: { expressionValue: value }, outputs: { caseName } } as Outcome);
    },
    store: (frame, record) => frame.run.history.store(record),
  };
}
