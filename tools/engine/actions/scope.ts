import type { ActionType } from './action-type.js';
import { containerOutcome } from './container-status.js';

/** Scope: runs its actions; Failed if a branch inside ends in failure (try/catch pattern). */
export const scope: ActionType = {
  type: 'Scope',
  container: true,
  branches: (definition) => [{ key: 'actions', path: ['actions'], actions: definition.actions ?? {} }],
  async run(execution) {
    const result = await execution.runBranch('actions', execution.frame.child(), execution.record.start);
    return containerOutcome(execution.record, result);
  },
};
