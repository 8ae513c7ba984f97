import { DOCS, type Rule } from '../types.js';

/** OperationIdRequired: every operation has an operationId (flows and apps call operations by it). */
export const operationIdRequired: Rule = {
  id: 'operation-id-required',
  severity: 'error',
  description: 'Every operation has an operationId (OperationIdRequired)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      if (typeof op.value.operationId !== 'string' || op.value.operationId.trim() === '') {
        report({ message: `${op.method.toUpperCase()} ${op.pathKey} has no operationId`, path: op.path });
      }
    },
  }),
};
