import { DOCS, isObject, type Rule } from '../types.js';

/**
 * x-ms-api-annotation: `replacement` only on deprecated operations, naming both `api` and
 * `operationId` (ApiAnnotationExtensionReplacementInfo*); family/revision are well formed.
 */
export const apiAnnotation: Rule = {
  id: 'api-annotation',
  severity: 'error',
  description: 'x-ms-api-annotation replacement only on deprecated operations, with api and operationId',
  docsUrl: `${DOCS.extensions}#x-ms-api-annotation`,
  create: ({ report }) => ({
    operation(op) {
      const annotation = op.value['x-ms-api-annotation'];
      if (annotation === undefined) return;
      const path = [...op.path, 'x-ms-api-annotation'];
      if (!isObject(annotation)) {
        report({ message: 'x-ms-api-annotation must be an object', path });
        return;
      }
      if (annotation.revision !== undefined && !(Number.isInteger(annotation.revision) && (annotation.revision as number) >= 1)) {
        report({ message: 'x-ms-api-annotation revision must be a whole number from 1', path: [...path, 'revision'] });
      }
      const replacement = annotation.replacement;
      if (replacement === undefined) return;
      if (op.value.deprecated !== true) report({ message: `x-ms-api-annotation replacement is only for deprecated operations: "${op.operationId ?? op.pathKey}" is not deprecated`, path: [...path, 'replacement'] });
      if (!isObject(replacement) || typeof replacement.api !== 'string') report({ message: 'x-ms-api-annotation replacement must name the "api"', path: [...path, 'replacement'] });
      if (!isObject(replacement) || typeof replacement.operationId !== 'string') report({ message: 'x-ms-api-annotation replacement must name the "operationId"', path: [...path, 'replacement'] });
    },
  }),
};
