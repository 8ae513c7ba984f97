import { DOCS, isObject, type Rule } from '../types.js';

/** x-ms-capabilities: `chunkTransfer` is a boolean on operations; root `testConnection.operationId` names an operation. */
export const capabilities: Rule = {
  id: 'capabilities',
  severity: 'error',
  description: 'x-ms-capabilities: chunkTransfer is boolean; testConnection names an existing operation',
  docsUrl: `${DOCS.extensions}#x-ms-capabilities`,
  create: ({ index, report }) => ({
    document() {
      const value = index.root['x-ms-capabilities'];
      if (value === undefined) return;
      const path = ['x-ms-capabilities'];
      if (!isObject(value)) {
        report({ message: 'x-ms-capabilities must be an object', path });
        return;
      }
      const test = value.testConnection;
      if (test === undefined) return;
      if (!isObject(test) || typeof test.operationId !== 'string') report({ message: 'testConnection needs an "operationId"', path: [...path, 'testConnection'] });
      else if (!index.operationsById.has(test.operationId)) report({ message: `testConnection calls operation "${test.operationId}", which does not exist`, path: [...path, 'testConnection', 'operationId'] });
    },
    operation(op) {
      const value = op.value['x-ms-capabilities'];
      if (value === undefined) return;
      if (!isObject(value)) report({ message: 'x-ms-capabilities must be an object', path: [...op.path, 'x-ms-capabilities'] });
      else if (value.chunkTransfer !== undefined && typeof value.chunkTransfer !== 'boolean') {
        report({ message: 'chunkTransfer must be true or false', path: [...op.path, 'x-ms-capabilities', 'chunkTransfer'] });
      }
    },
  }),
};
