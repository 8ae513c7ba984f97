import { isObject } from '../../wdl/types.js';
import type { ActionVisit } from '../../wdl/walk.js';
import { declaredVariables } from '../model/variables.js';
import type { FlowRule } from '../types.js';

/** Power Automate's documented limits (limits-and-config): the service refuses to save a flow past them. */
export const LIMITS = {
  actions: 500,
  nestingDepth: 8,
  nameLength: 80,
  expressionLength: 8192,
  variables: 250,
  switchCases: 25,
  untilCount: 5000,
  foreachConcurrency: 50,
} as const;

/** Every documented per-flow limit that a definition can break on its own. */
export const workflowLimits: FlowRule = {
  id: 'workflow-limits',
  severity: 'error',
  description: 'the flow breaks a documented limit: 500 actions, 8 nesting levels, 80-character names, 8,192-character expressions, 250 variables, 25 Switch cases, Until count 1-5000, Apply to each concurrency 1-50',
  docsUrl: 'https://learn.microsoft.com/en-us/power-automate/limits-and-config',
  create: ({ flow, report }) => {
    let variables = 0;
    const literalNumber = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);
    return {
      flow() {
        if (flow.actions.length > LIMITS.actions) {
          report({ message: `the flow has ${flow.actions.length} actions; a flow may have at most ${LIMITS.actions}`, path: [...flow.definitionPath, 'actions'] });
        }
      },
      trigger(trigger) {
        if (trigger.name.length > LIMITS.nameLength) report({ message: `trigger name is ${trigger.name.length} characters long; at most ${LIMITS.nameLength} are allowed`, path: trigger.path });
      },
      action(visit: ActionVisit) {
        const depth = flow.ancestors(visit).length + 1;
        if (depth === LIMITS.nestingDepth + 1) {
          report({ message: `"${visit.name}" is nested ${depth} levels deep; actions may be nested at most ${LIMITS.nestingDepth} levels`, path: visit.path });
        }
        if (visit.name.length > LIMITS.nameLength) report({ message: `action name "${visit.name.slice(0, 40)}..." is ${visit.name.length} characters long; at most ${LIMITS.nameLength} are allowed`, path: visit.path });
        const before = variables;
        variables += declaredVariables(visit).length;
        if (before <= LIMITS.variables && variables > LIMITS.variables) report({ message: `more than ${LIMITS.variables} variables are initialized in this flow`, path: visit.path });
        const action = visit.action;
        if (action.type === 'Switch' && isObject(action.cases) && Object.keys(action.cases).length > LIMITS.switchCases) {
          report({ message: `Switch "${visit.name}" has ${Object.keys(action.cases).length} cases; at most ${LIMITS.switchCases} are allowed`, path: [...visit.path, 'cases'] });
        }
        if (action.type === 'Until' && isObject(action.limit)) {
          const count = literalNumber(action.limit.count);
          if (count !== undefined && (count < 1 || count > LIMITS.untilCount)) report({ message: `Until "${visit.name}" has limit.count ${count}; it must be from 1 to ${LIMITS.untilCount}`, path: [...visit.path, 'limit', 'count'] });
        }
        const concurrency = isObject(action.runtimeConfiguration) && isObject(action.runtimeConfiguration.concurrency) ? literalNumber(action.runtimeConfiguration.concurrency.repetitions) : undefined;
        if (action.type === 'Foreach' && concurrency !== undefined && (concurrency < 1 || concurrency > LIMITS.foreachConcurrency)) {
          report({ message: `Apply to each "${visit.name}" has concurrency ${concurrency}; it must be from 1 to ${LIMITS.foreachConcurrency}`, path: [...visit.path, 'runtimeConfiguration', 'concurrency', 'repetitions'] });
        }
      },
      expression(site) {
        if (site.value.length > LIMITS.expressionLength) report({ message: `expression is ${site.value.length} characters long; at most ${LIMITS.expressionLength} are allowed`, path: site.path });
      },
    };
  },
};
