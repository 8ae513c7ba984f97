import { isObject } from '../../wdl/types.js';
import { apiNameForAction, asStep, connectorHost, type ConnectorStep } from '../model/connections.js';
import { DOCS, type FlowRule } from '../types.js';

/** A connector action that does not pass a parameter its operation requires. */
export const operationParameterMissing: FlowRule = {
  id: 'operation-parameter-missing',
  severity: 'error',
  description: 'a connector action misses a parameter its operation requires',
  docsUrl: DOCS.connectors,
  create: ({ flow, solution, report }) => {
    const check = (visit: ConnectorStep) => {
      const host = connectorHost(visit);
      if (!host || typeof host.operationId !== 'string') return;
      const apiName = apiNameForAction(flow, host);
      const parameters = apiName ? solution.connectors.get(apiName)?.operations.get(host.operationId) : undefined;
      if (!parameters) return;
      const inputs = isObject(visit.action.inputs) ? visit.action.inputs : {};
      const given = isObject(inputs.parameters) ? inputs.parameters : {};
      const missing = parameters.filter((p) => p.required && !isGiven(given, p.name)).map((p) => p.name);
      if (missing.length === 0) return;
      report({
        message: `connector step "${visit.name}" (${host.operationId}) misses required parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        path: [...visit.path, 'inputs', isObject(inputs.parameters) ? 'parameters' : 'host'],
      });
    };
    return { action: (visit) => check(asStep(visit)), trigger: (trigger) => check(asStep(trigger)) };
  },
};

/** `item/name` is given flat (`"item/name"`) or nested (`item: {name}`), or as the whole body object. */
function isGiven(parameters: Record<string, unknown>, name: string): boolean {
  if (parameters[name] !== undefined && parameters[name] !== null && parameters[name] !== '') return true;
  const slash = name.indexOf('/');
  if (slash < 0) return false;
  const body = parameters[name.slice(0, slash)];
  if (typeof body === 'string' && body.startsWith('@')) return true;
  return isObject(body) && isGiven(body, name.slice(slash + 1));
}
