import type { ActionType } from './action-type.js';
import { evaluateCondition } from './condition-expression.js';
import { containerOutcome } from './container-status.js';

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
  async run(execution) {
    const result = evaluateCondition(execution.action, execution.action.definition.expression, execution.frame.context);
    const branch = await execution.runBranch(result ? 'actions' : 'else', execution.frame.child(), execution.record.start);
    return containerOutcome(execution.record, branch, { inputs: { expressionResult: result } });
  },
};
