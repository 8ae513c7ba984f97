import type { ActionType } from './action-type.js';
import { containerOutcome } from './container-status.js';
import { andThen } from '../sync-or-async.js';

/** Scope: runs its actions; Failed if a branch inside ends in failure (try/catch pattern). */
export const scope: ActionType = {
  type: 'Scope',
  container: true,
  branches: (definition) => [{ key: 'actions', path: ['actions'], actions: definition.actions ?? {} }],
  run(execution) {
    return andThen(execution.runBranch('actions', execution.record.start), (result) => containerOutcome(execution.record, result, {}, true));
  },
};
