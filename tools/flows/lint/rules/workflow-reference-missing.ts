import { isObject } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';

/** A child flow call (Workflow action) whose workflowReferenceName is no flow of the solution. */
export const workflowReferenceMissing: FlowRule = {
  id: 'workflow-reference-missing',
  severity: 'error',
  description: 'a Run a Child Flow action names a flow that is not in the solution',
  docsUrl: DOCS.childFlows,
  create: ({ solution, report }) => ({
    action(visit) {
      if (visit.action.type !== 'Workflow') return;
      const inputs = isObject(visit.action.inputs) ? visit.action.inputs : {};
      const host = isObject(inputs.host) ? inputs.host : {};
      const reference = host.workflowReferenceName;
      if (typeof reference !== 'string' || reference === '') {
        report({ message: `child flow call "${visit.name}" has no host.workflowReferenceName`, path: [...visit.path, 'inputs'] });
        return;
      }
      const id = reference.replace(/[{}]/g, '').toLowerCase();
      if (solution.workflowIds && !solution.workflowIds.has(id)) {
        report({ message: `child flow call "${visit.name}" names workflow ${reference}, which is not a flow of the solution`, path: [...visit.path, 'inputs', 'host', 'workflowReferenceName'] });
      }
    },
  }),
};
