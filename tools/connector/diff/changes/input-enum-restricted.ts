import { flattenSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/**
 * An input gained an enum, or lost enum values: existing flows may use values outside the list
 * (the certification pipeline's "The list of enum values has been added to the input field").
 */
export const inputEnumRestricted: ChangeCheck = {
  id: 'input-enum-restricted',
  severity: 'error',
  description: 'An input gained an enum or lost enum values',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const compare = (before: unknown[] | undefined, after: unknown[] | undefined, label: string, path: (string | number)[]) => {
      if (!after) return;
      if (!before) {
        context.report({ message: `The list of enum values has been added to ${label} of "${pair.key}". Existing flows may use values outside of this list.`, path });
        return;
      }
      const kept = new Set(after.map((v) => JSON.stringify(v)));
      const dropped = before.filter((v) => !kept.has(JSON.stringify(v)));
      if (dropped.length > 0) context.report({ message: `enum values ${dropped.map((v) => JSON.stringify(v)).join(', ')} were removed from ${label} of "${pair.key}"`, path });
    };
    const before = parametersByKey(pair.old);
    for (const [key, after] of parametersByKey(pair.new)) {
      const old = before.get(key);
      if (!old) continue;
      if (after.value.in !== 'body') {
        compare(old.value.enum as unknown[] | undefined, after.value.enum as unknown[] | undefined, parameterLabel(after), [...locationOf(after), 'enum']);
        continue;
      }
      const oldShape = flattenSchema(context.old, old.value.schema, []);
      for (const [property, shape] of flattenSchema(context.new, after.value.schema, [...locationOf(after), 'schema'])) {
        const previous = oldShape.get(property);
        if (previous) compare(previous.enum, shape.enum, `body property "${property}"`, [...shape.path, 'enum']);
      }
    }
  },
};
