import { outcome, type ActionType, type Outcome } from './action-type.js';
import type { GraphResult } from '../run-graph.js';
import type { ActionExecution } from '../run-action.js';
import { evaluateCondition } from './condition-expression.js';
import { containerOutcome } from './container-status.js';
import { isPromise } from '../sync-or-async.js';
import { EXPRESSION_FALSE, EXPRESSION_TRUE } from '../history/record-shape.js';

export const TRUE_OUTCOME = Object.freeze(outcome(EXPRESSION_TRUE));
export const FALSE_OUTCOME = Object.freeze(outcome(EXPRESSION_FALSE));

/** If (Condition): runs `actions` when the expression is true, `else.actions` otherwise. */
export const ifAction: ActionType = {
  type: 'If',
  container: true,
  branches: (definition) => [
    { key: 'actions', path: ['actions'], actions: definition.actions ?? {} },
    { key: 'else', path: ['else', 'actions'], actions: definition.else?.actions ?? {} },
  ],
  validate(definition, report) {
    if (definition.expression === undefined) report('an If needs an "expression"', ['expression']);
  },
  run(execution) {
    const result = evaluateCondition(execution.action, execution.action.definition.expression, execution.frame);
    const taken = result ? 'actions' : 'else';
    // The untaken branch's actions are recorded Skipped in branch order: `actions` before `else`.
    if (!result) execution.skipBranchesNotTaken(taken, false);
    const branch = execution.runBranch(taken, execution.record.start);
    const extra = result ? TRUE_OUTCOME : FALSE_OUTCOME;
    // No closure on the synchronous path: a loop runs this once per iteration.
    if (!isPromise(branch)) {
      if (result) execution.skipBranchesNotTaken(taken, true);
      return containerOutcome(execution.record, branch, extra);
    }
    return outcomeWhenDone(branch, execution, result, extra);
  },
};

function outcomeWhenDone(branch: PromiseLike<GraphResult>, execution: ActionExecution, result: boolean, extra: Outcome): PromiseLike<Outcome> {
  return branch.then((settled) => {
    if (result) execution.skipBranchesNotTaken('actions', true);
    return containerOutcome(execution.record, settled, extra);
  });
}
