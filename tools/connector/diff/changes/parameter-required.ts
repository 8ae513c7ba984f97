import { flattenSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/** A parameter made required, or a new required one without a default: existing flows do not send it. */
export const parameterRequired: ChangeCheck = {
  id: 'parameter-required',
  severity: 'error',
  description: 'A parameter or body property became required, or a new required one has no default',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const before = parametersByKey(pair.old);
    for (const [key, after] of parametersByKey(pair.new)) {
      if (after.value.required !== true || after.value.default !== undefined) continue;
      const old = before.get(key);
      if (!old) {
        if (after.value.in === 'body' && pair.old.parameters.some((p) => p.value.in === 'body')) continue;
        context.report({ message: `new required ${parameterLabel(after)} of "${pair.key}" has no default: existing flows do not send it`, path: locationOf(after) });
      } else if (old.value.required !== true) {
        context.report({ message: `${parameterLabel(after)} of "${pair.key}" is now required: existing flows may not send it`, path: [...locationOf(after), 'required'] });
      }
      if (old && after.value.in === 'body') {
        const oldShape = flattenSchema(context.old, old.value.schema, []);
        for (const [property, shape] of flattenSchema(context.new, after.value.schema, [...locationOf(after), 'schema'])) {
          if (!shape.required || property === '') continue;
          const previous = oldShape.get(property);
          if (!previous || !previous.required) context.report({ message: `body property "${property}" of "${pair.key}" is now required`, path: shape.path });
        }
      }
    }
  },
};
