import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';

/** A deleted operation breaks every flow that calls it (the certification pipeline's ValidateChange error). */
export const operationRemoved: ChangeCheck = {
  id: 'operation-removed',
  severity: 'error',
  description: 'An operation of the old version is gone',
  docsUrl: VERSIONING_DOCS,
  documents(context, removed) {
    for (const op of removed) {
      const id = op.operationId ?? `${op.method.toUpperCase()} ${op.pathKey}`;
      context.report({ message: `The operation "${id}" has been deleted. This change breaks existing flows. ValuePath: operation/${id}`, path: op.path, side: 'old' });
    }
  },
};
