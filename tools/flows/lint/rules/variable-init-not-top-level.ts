import { DOCS, type FlowRule } from '../types.js';

/** "You can only declare variables at the global level, not within scopes, conditions, and loops." */
export const variableInitNotTopLevel: FlowRule = {
  id: 'variable-init-not-top-level',
  severity: 'error',
  description: 'Initialize variable inside a loop, condition or scope: the service only allows it at the top level',
  docsUrl: DOCS.variables,
  create: ({ report }) => ({
    action(visit) {
      if (visit.action.type !== 'InitializeVariable' || !visit.parent) return;
      report({
        message: `"${visit.name}" initializes a variable inside ${visit.parent.action.type ?? 'a container'} "${visit.parent.name}": variables can only be initialized at the top level of the flow`,
        path: visit.path,
      });
    },
  }),
};
