import { apiNameForAction, asStep, connectorHost, type ConnectorStep } from '../model/connections.js';
import { DOCS, type FlowRule } from '../types.js';

/** A connector action whose operationId the connector's swagger does not define. */
export const operationUnknown: FlowRule = {
  id: 'operation-unknown',
  severity: 'error',
  description: "a connector action's operationId is not an operation of the connector's swagger",
  docsUrl: DOCS.connectors,
  create: ({ flow, solution, report }) => {
    const check = (visit: ConnectorStep) => {
      const host = connectorHost(visit);
      if (!host) return;
      const apiName = apiNameForAction(flow, host);
      const connector = apiName ? solution.connectors.get(apiName) : undefined;
      if (!connector) return;
      const operationId = host.operationId;
      const path = [...visit.path, 'inputs', 'host', 'operationId'];
      if (typeof operationId !== 'string' || operationId === '') {
        report({ message: `connector step "${visit.name}" has no host.operationId`, path: [...visit.path, 'inputs', 'host'] });
      } else if (connector.complete && !connector.operations.has(operationId)) {
        const known = [...connector.operations.keys()].sort();
        report({ message: `operation "${operationId}" is not defined by ${apiName} (${connector.source}); it has ${known.join(', ')}`, path });
      }
    };
    return { action: (visit) => check(asStep(visit)), trigger: (trigger) => check(asStep(trigger)) };
  },
};
