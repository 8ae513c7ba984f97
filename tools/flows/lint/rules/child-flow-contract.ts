import { isObject } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';

/**
 * A Run a Child Flow call that the child cannot answer: the child must start with "When a flow is
 * run from another flow" / "Manually trigger a flow" (a Request trigger), must end with a Response or
 * "Respond to a PowerApp or flow" action, and the call must pass every input the child requires
 * (its trigger schema's `required`) and no input the child does not declare.
 */
export const childFlowContract: FlowRule = {
  id: 'child-flow-contract',
  severity: 'error',
  description: 'a child flow call does not match the child: no manual trigger, no Response action, or inputs missing / unknown',
  docsUrl: DOCS.childFlows,
  create: ({ solution, report }) => ({
    action(visit) {
      if (visit.action.type !== 'Workflow' || !solution.workflows) return;
      const inputs = isObject(visit.action.inputs) ? visit.action.inputs : {};
      const host = isObject(inputs.host) ? inputs.host : {};
      const id = typeof host.workflowReferenceName === 'string' ? host.workflowReferenceName.replace(/[{}]/g, '').toLowerCase() : undefined;
      const child = id ? solution.workflows.get(id) : undefined;
      if (!child) return;
      const name = `child flow call "${visit.name}"`;
      const trigger = child.triggers.find((t) => t.trigger.type === 'Request');
      if (!trigger) {
        report({ message: `${name}: the child (${child.file}) has no manual trigger ("When a flow is run from another flow"), so it cannot be called`, path: [...visit.path, 'inputs', 'host'] });
        return;
      }
      if (!child.actions.some((a) => a.action.type === 'Response')) {
        report({ message: `${name}: the child (${child.file}) has no Response or "Respond to a PowerApp or flow" action, so the call never gets an answer`, path: [...visit.path, 'inputs', 'host'] });
      }
      const schema = isObject(trigger.trigger.inputs) && isObject(trigger.trigger.inputs.schema) ? trigger.trigger.inputs.schema : undefined;
      if (!schema) return;
      const declared = isObject(schema.properties) ? Object.keys(schema.properties) : [];
      const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
      const body = isObject(inputs.body) ? inputs.body : undefined;
      if (typeof inputs.body === 'string' && inputs.body.startsWith('@')) return; // a computed body: nothing to check statically
      const given = body ? Object.keys(body) : [];
      const missing = required.filter((r) => !given.includes(r));
      if (missing.length > 0) {
        const titles = missing.map((m) => (isObject(schema.properties) && isObject(schema.properties[m]) && typeof schema.properties[m].title === 'string' ? `${m} (${schema.properties[m].title})` : m));
        report({ message: `${name} does not pass the child's required input${missing.length > 1 ? 's' : ''} ${titles.join(', ')}`, path: [...visit.path, 'inputs', body ? 'body' : 'host'] });
      }
      for (const key of given.filter((g) => !declared.includes(g))) {
        report({ message: `${name} passes "${key}", which the child's trigger does not declare (it has ${declared.join(', ') || 'no inputs'})`, path: [...visit.path, 'inputs', 'body', key] });
      }
    },
  }),
};
