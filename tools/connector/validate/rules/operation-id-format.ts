import { DOCS, type Rule } from '../types.js';

/** The service sanitizes operationIds to letters and digits (OperationIdSanitized); keep them short (OperationIdTooLong). */
export const MAX_OPERATION_ID_LENGTH = 128;

export const operationIdFormat: Rule = {
  id: 'operation-id-format',
  severity: 'error',
  description: `operationId uses letters, digits, "-" and "_" only and is at most ${MAX_OPERATION_ID_LENGTH} characters (OperationIdSanitized, OperationIdTooLong)`,
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const id = op.operationId;
      if (id === undefined || id === '') return;
      const path = [...op.path, 'operationId'];
      if (!/^[A-Za-z0-9_-]+$/.test(id)) report({ message: `operationId "${id}" contains characters other than letters, digits, "-" and "_": the service would rename it`, path });
      if (id.length > MAX_OPERATION_ID_LENGTH) report({ message: `operationId is ${id.length} characters: at most ${MAX_OPERATION_ID_LENGTH}`, path });
    },
  }),
};
