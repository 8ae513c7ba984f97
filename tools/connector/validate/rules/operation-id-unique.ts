import { DOCS, type Rule } from '../types.js';

/** OperationIdNotUnique: operationIds are unique (compared case-insensitively, as the service does). */
export const operationIdUnique: Rule = {
  id: 'operation-id-unique',
  severity: 'error',
  description: 'operationIds are unique, ignoring case (OperationIdNotUnique)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => {
    const first = new Map<string, string>();
    for (const op of index.operations) {
      if (op.operationId === undefined) continue;
      const key = op.operationId.toLowerCase();
      if (!first.has(key)) first.set(key, `${op.method.toUpperCase()} ${op.pathKey}`);
    }
    const seen = new Set<string>();
    return {
      operation(op) {
        if (op.operationId === undefined) return;
        const key = op.operationId.toLowerCase();
        if (seen.has(key)) report({ message: `operationId "${op.operationId}" is already used by ${first.get(key)}`, path: [...op.path, 'operationId'] });
        seen.add(key);
      },
    };
  },
};
