import type { ActionType } from './action-type.js';
import { evaluateCondition } from './condition-expression.js';
import { containerOutcome } from './container-status.js';
import { andThen } from '../sync-or-async.js';

/** Shared (frozen) inputs records: a 100k-iteration loop does not keep 100k copies. */
const EXPRESSION_TRUE = Object.freeze({ expressionResult: true });
const EXPRESSION_FALSE = Object.freeze({ expressionResult: false });

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
    return andThen(execution.runBranch(result ? 'actions' : 'else', execution.record.start), (branch) => containerOutcome(execution.record, branch, { inputs: result ? EXPRESSION_TRUE : EXPRESSION_FALSE }));
  },
};
