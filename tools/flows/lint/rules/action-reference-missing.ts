import { isActionReference } from '../model/references.js';
import { DOCS, type FlowRule } from '../types.js';

/** actions('X'), body('X'), outputs('X'), result('X') naming an action the flow does not have. */
export const actionReferenceMissing: FlowRule = {
  id: 'action-reference-missing',
  severity: 'error',
  description: "actions('X') / body('X') / outputs('X') / result('X') names an action that does not exist",
  docsUrl: DOCS.workflowFunctions,
  create: ({ flow, report }) => ({
    call(call) {
      if (!isActionReference(call)) return;
      const name = call.literalArg!;
      if (flow.declaredName(name) !== undefined || flow.triggers.some((t) => t.name.toLowerCase() === name.toLowerCase())) return;
      const spaced = flow.byName.has(name.replace(/ /g, '_')) ? ` (action names use _ for spaces: '${name.replace(/ /g, '_')}')` : '';
      report({ message: `${call.name}('${name}') refers to an action that does not exist${spaced}`, path: call.site.path, column: call.column });
    },
  }),
};
