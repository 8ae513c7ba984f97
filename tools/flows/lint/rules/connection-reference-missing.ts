import { asStep, connectorHost, type ConnectorStep } from '../model/connections.js';
import { isObject } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';

/**
 * The connection key of an older ApiConnection action or trigger:
 * `host.connection.name = "@parameters('$connections')['shared_x']['connectionId']"`.
 */
function apiConnectionKey(step: ConnectorStep): { key: string; path: (string | number)[] } | undefined {
  if (step.action.type !== 'ApiConnection' && step.action.type !== 'ApiConnectionWebhook') return undefined;
  const inputs = step.action.inputs;
  const host = isObject(inputs) && isObject(inputs.host) ? inputs.host : undefined;
  const connection = host && isObject(host.connection) ? host.connection : undefined;
  const match = typeof connection?.name === 'string' ? /\$connections'\)\s*\[\s*'([^']+)'\s*\]/.exec(connection.name) : null;
  return match ? { key: match[1]!, path: [...step.path, 'inputs', 'host', 'connection', 'name'] } : undefined;
}

/** A connector action whose host.connectionName (or ApiConnection $connections key) is not a key of the flow's connectionReferences. */
export const connectionReferenceMissing: FlowRule = {
  id: 'connection-reference-missing',
  severity: 'error',
  description: "a connector action's connectionName is not one of the flow's connection references",
  docsUrl: DOCS.connectionReferences,
  create: ({ flow, report }) => {
    const check = (visit: ConnectorStep) => {
      // Only a flow document (solution export or package) carries connectionReferences to check against.
      if (flow.shape === 'definition' || flow.shape === 'wrapped') return;
      const legacyKey = apiConnectionKey(visit);
      if (legacyKey && !flow.connectionReferences.has(legacyKey.key)) {
        report({ message: `connector step "${visit.name}" uses $connections['${legacyKey.key}'], which is not in connectionReferences`, path: legacyKey.path });
      }
      const host = connectorHost(visit);
      if (!host) return;
      const name = host.connectionName;
      const path = [...visit.path, 'inputs', 'host', 'connectionName'];
      if (typeof name !== 'string' || name === '') {
        report({ message: `connector step "${visit.name}" has no host.connectionName`, path: [...visit.path, 'inputs', 'host'] });
      } else if (!flow.connectionReferences.has(name)) {
        const known = [...flow.connectionReferences.keys()];
        report({ message: `connector step "${visit.name}" uses connection "${name}", which is not in connectionReferences (${known.length ? known.join(', ') : 'none'})`, path });
      }
    };
    return { action: (visit) => check(asStep(visit)), trigger: (trigger) => check(asStep(trigger)) };
  },
};
