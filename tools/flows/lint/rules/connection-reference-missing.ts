import { connectorHost } from '../model/connections.js';
import { DOCS, type FlowRule } from '../types.js';

/** A connector action whose host.connectionName is not a key of the flow's connectionReferences. */
export const connectionReferenceMissing: FlowRule = {
  id: 'connection-reference-missing',
  severity: 'error',
  description: "a connector action's connectionName is not one of the flow's connection references",
  docsUrl: DOCS.connectionReferences,
  create: ({ flow, report }) => ({
    action(visit) {
      const host = connectorHost(visit);
      if (!host || flow.shape === 'definition') return;
      const name = host.connectionName;
      const path = [...visit.path, 'inputs', 'host', 'connectionName'];
      if (typeof name !== 'string' || name === '') {
        report({ message: `connector action "${visit.name}" has no host.connectionName`, path: [...visit.path, 'inputs', 'host'] });
      } else if (!flow.connectionReferences.has(name)) {
        const known = [...flow.connectionReferences.keys()];
        report({ message: `connector action "${visit.name}" uses connection "${name}", which is not in connectionReferences (${known.length ? known.join(', ') : 'none'})`, path });
      }
    },
  }),
};
