import { flattenSchema, successResponseSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';

/** An output property flows may use as dynamic content is gone. */
export const responsePropertyRemoved: ChangeCheck = {
  id: 'response-property-removed',
  severity: 'error',
  description: 'A property of the success response is gone',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const before = successResponseSchema(pair.old);
    if (!before) return;
    const after = successResponseSchema(pair.new);
    const newShape = after ? flattenSchema(context.new, after.schema, after.path) : new Map();
    if (after && newShape.get('')?.type === undefined && newShape.size <= 1) return; // now dynamic or untyped
    for (const [property, shape] of flattenSchema(context.old, before.schema, before.path)) {
      if (property === '' || newShape.has(property)) continue;
      const parent = property.includes('/') ? property.slice(0, property.lastIndexOf('/')) : '';
      if (parent !== '' && !newShape.has(parent)) continue; // reported once, for the parent
      context.report({ message: `response property "${property}" of "${pair.key}" has been removed. Flows that use it break. ValuePath: operation/${pair.key}/response/${property}`, path: shape.path, side: 'old' });
    }
  },
};
