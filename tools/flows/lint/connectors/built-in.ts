import type { ConnectorCatalog, ConnectorOperations, OperationParameter } from './catalog.js';

/**
 * Common operations of Microsoft's connectors whose swaggers are not public, with the parameters a
 * flow must pass (from the connector reference on Microsoft Learn and public flow exports). Marked
 * incomplete: an operation missing here is not reported, only missing required parameters of these.
 */
const BUILT_IN: Record<string, Record<string, string[]>> = {
  // https://learn.microsoft.com/en-us/connectors/commondataserviceforapps/
  shared_commondataserviceforapps: {
    ListRecords: ['entityName'],
    GetItem: ['entityName', 'recordId'],
    CreateRecord: ['entityName'],
    UpdateRecord: ['entityName', 'recordId'],
    UpdateOnlyRecord: ['entityName', 'recordId'],
    DeleteRecord: ['entityName', 'recordId'],
  },
  // https://learn.microsoft.com/en-us/connectors/office365/
  shared_office365: {
    SendEmailV2: ['emailMessage/To', 'emailMessage/Subject', 'emailMessage/Body'],
    SendEmailV3: ['emailMessage/To', 'emailMessage/Subject', 'emailMessage/Body'],
  },
};

export function builtInConnectors(): ConnectorCatalog {
  const catalog: ConnectorCatalog = new Map();
  for (const [apiName, operations] of Object.entries(BUILT_IN)) {
    const entry: ConnectorOperations = { source: 'built-in', complete: false, operations: new Map() };
    for (const [operationId, required] of Object.entries(operations)) {
      entry.operations.set(operationId, required.map((name): OperationParameter => ({ name, required: true })));
    }
    catalog.set(apiName, entry);
  }
  return catalog;
}
