import { flattenSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/** A parameter (or body property) flows fill in is gone. */
export const parameterRemoved: ChangeCheck = {
  id: 'parameter-removed',
  severity: 'error',
  description: 'A parameter or request body property of an operation is gone',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const now = parametersByKey(pair.new);
    for (const [key, before] of parametersByKey(pair.old)) {
      const after = now.get(key);
      if (!after) {
        context.report({ message: `${parameterLabel(before)} of "${pair.key}" has been removed. Existing flows that set it break. ValuePath: operation/${pair.key}/parameters/${String(before.value.name)}`, path: locationOf(before), side: 'old' });
        continue;
      }
      if (before.value.in !== 'body') continue;
      const oldShape = flattenSchema(context.old, before.value.schema, [...locationOf(before), 'schema']);
      const newShape = flattenSchema(context.new, after.value.schema, [...locationOf(after), 'schema']);
      if (newShape.get('')?.type === undefined && newShape.size <= 1) continue; // now untyped or dynamic: accepts anything
      for (const [property, shape] of oldShape) {
        if (property === '' || newShape.has(property)) continue;
        const parent = property.includes('/') ? property.slice(0, property.lastIndexOf('/')) : '';
        if (parent !== '' && !newShape.has(parent)) continue; // reported once, for the parent
        context.report({ message: `body property "${property}" of "${pair.key}" has been removed. ValuePath: operation/${pair.key}/body/${property}`, path: shape.path, side: 'old' });
      }
    }
  },
};
