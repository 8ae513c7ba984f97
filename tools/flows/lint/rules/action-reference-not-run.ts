import { canHaveRun, isActionReference } from '../model/references.js';
import { DOCS, type FlowRule } from '../types.js';

/**
 * actions('X') / body('X') / outputs('X') where X cannot have run yet: it is not a runAfter
 * predecessor (direct or transitive) of the action or of a scope around it. The service rejects
 * such a flow on save ("The action 'X' referenced by 'inputs' in action 'Y' must be a runAfter predecessor").
 */
export const actionReferenceNotRun: FlowRule = {
  id: 'action-reference-not-run',
  severity: 'error',
  description: 'an expression refers to an action that cannot have run yet (not a runAfter predecessor)',
  docsUrl: DOCS.runAfter,
  create: ({ flow, report }) => ({
    call(call, owner) {
      if (!isActionReference(call)) return;
      const name = call.literalArg!;
      const declared = flow.declaredName(name);
      if (declared === undefined) return;
      if (canHaveRun(flow, owner, declared, call.site.path)) return;
      const where = owner.kind === 'trigger' ? `trigger "${owner.trigger.name}"` : `action "${owner.visit.name}"`;
      report({
        message: `${call.name}('${name}') in ${where}: "${name}" cannot have run yet (make it a runAfter predecessor of this action or of a scope around it)`,
        path: call.site.path,
        column: call.column,
      });
    },
  }),
};
