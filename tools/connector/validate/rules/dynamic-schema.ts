import { DOCS, isObject, type Rule } from '../types.js';
import { findOperation } from './dynamic-target.js';

/**
 * x-ms-dynamic-schema / x-ms-dynamic-properties call an existing operation; on a body parameter
 * the extension belongs on its schema, not the parameter (DynamicExtensionDefinitionNotAllowedInParameter).
 */
export const dynamicSchema: Rule = {
  id: 'dynamic-schema',
  severity: 'error',
  description: 'x-ms-dynamic-schema / x-ms-dynamic-properties call an existing operation and sit on schemas, not body parameters',
  docsUrl: `${DOCS.extensions}#use-dynamic-schema`,
  create: ({ index, report }) => {
    const check = (holder: Record<string, unknown>, base: (string | number)[]) => {
      for (const key of ['x-ms-dynamic-schema', 'x-ms-dynamic-properties'] as const) {
        const extension = holder[key];
        if (extension === undefined) continue;
        const path = [...base, key];
        if (!isObject(extension)) report({ message: `${key} must be an object`, path });
        else if (extension.operationId === undefined) report({ message: `${key} needs an "operationId"`, path });
        else if (!findOperation(index, extension.operationId)) report({ message: `${key} calls operation "${String(extension.operationId)}", which does not exist`, path: [...path, 'operationId'] });
      }
    };
    return {
      parameter(p) {
        if (p.in === 'body' && p.value['x-ms-dynamic-schema'] !== undefined) {
          report({ message: 'x-ms-dynamic-schema belongs on the body parameter\'s "schema", not on the parameter', path: [...p.path, 'x-ms-dynamic-schema'] });
        }
        check(p.value, p.path);
      },
      schema: (s) => check(s.value, s.path),
    };
  },
};
