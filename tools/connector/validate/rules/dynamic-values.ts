import { DOCS, isObject, type Rule } from '../types.js';
import { acceptedNames, findOperation, schemaAt, successSchema } from './dynamic-target.js';

/**
 * x-ms-dynamic-values and x-ms-dynamic-list call an operation that exists (OperationIdNotFound),
 * with parameters it has, and the values come from an array (InvokedOperationShouldProduceArray).
 */
export const dynamicValues: Rule = {
  id: 'dynamic-values',
  severity: 'error',
  description: 'x-ms-dynamic-values / x-ms-dynamic-list call an existing operation with its parameters, and read an array (OperationIdNotFound, InvokedOperationShouldProduceArray)',
  docsUrl: `${DOCS.extensions}#use-dynamic-values`,
  create: ({ index, report }) => {
    const check = (holder: Record<string, unknown>, base: (string | number)[]) => {
      for (const key of ['x-ms-dynamic-values', 'x-ms-dynamic-list'] as const) {
        const extension = holder[key];
        if (extension === undefined) continue;
        const path = [...base, key];
        if (!isObject(extension)) {
          report({ message: `${key} must be an object`, path });
          continue;
        }
        if (extension.operationId === undefined) {
          if (extension.capability === undefined && extension.builtInOperation === undefined) report({ message: `${key} needs an "operationId" (or a "capability")`, path });
          continue;
        }
        const target = findOperation(index, extension.operationId);
        if (!target) {
          report({ message: `${key} calls operation "${String(extension.operationId)}", which does not exist`, path: [...path, 'operationId'] });
          continue;
        }
        const names = acceptedNames(index, target);
        if (names && isObject(extension.parameters)) {
          for (const name of Object.keys(extension.parameters)) {
            if (!names.has(name) && !names.has(name.split('/')[0]!)) report({ message: `${key} passes "${name}", which operation "${target.operationId}" does not take`, path: [...path, 'parameters', name] });
          }
        }
        const collectionKey = key === 'x-ms-dynamic-values' ? 'value-collection' : 'itemsPath';
        const schema = successSchema(index, target);
        if (!schema) continue;
        const collection = extension[collectionKey];
        const items = typeof collection === 'string' ? schemaAt(index, schema, collection) : schema;
        if (items && typeof items.type === 'string' && items.type !== 'array') {
          report({ message: `${key} reads ${typeof collection === 'string' ? `"${collection}"` : 'the response'} of "${target.operationId}", which is "${items.type}", not an array`, path: typeof collection === 'string' ? [...path, collectionKey] : path });
        }
      }
    };
    return { parameter: (p) => check(p.value, p.path), schema: (s) => check(s.value, s.path) };
  },
};
