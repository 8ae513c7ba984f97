import { DOCS, type FlowRule } from '../types.js';
import { runAfterOf } from '../model/flow-model.js';

/** runAfter may only name actions of the same action map (siblings); anything else never runs. */
export const runAfterMissingAction: FlowRule = {
  id: 'run-after-missing-action',
  severity: 'error',
  description: 'runAfter names an action that is not a sibling in the same scope (missing, renamed, or in another scope)',
  docsUrl: DOCS.runAfter,
  create: ({ flow, report }) => ({
    action(visit) {
      for (const [predecessor, statuses] of Object.entries(runAfterOf(visit.action))) {
        const path = [...visit.path, 'runAfter', predecessor];
        if (predecessor === visit.name) {
          report({ message: `action "${visit.name}" runs after itself`, path });
        } else if (!(predecessor in visit.siblings)) {
          const elsewhere = flow.action(predecessor);
          report({
            message: elsewhere
              ? `action "${visit.name}" runs after "${predecessor}", which is in another scope: runAfter can only name actions of the same scope`
              : `action "${visit.name}" runs after "${predecessor}", which does not exist`,
            path,
          });
        }
        if (!Array.isArray(statuses) || statuses.some((s) => !['Succeeded', 'Failed', 'Skipped', 'TimedOut'].includes(String(s)))) {
          report({ message: `runAfter statuses of "${predecessor}" must be a list of Succeeded, Failed, Skipped, TimedOut`, path });
        }
      }
    },
  }),
};
