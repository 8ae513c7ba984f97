import { describeType, flattenSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/** An input whose type or format changed: values existing flows pass may no longer fit. */
export const parameterTypeChanged: ChangeCheck = {
  id: 'parameter-type-changed',
  severity: 'error',
  description: 'The type or format of a parameter or body property changed',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const before = parametersByKey(pair.old);
    for (const [key, after] of parametersByKey(pair.new)) {
      const old = before.get(key);
      if (!old) continue;
      if (after.value.in !== 'body') {
        if (old.value.type !== after.value.type || old.value.format !== after.value.format) {
          context.report({ message: `${parameterLabel(after)} of "${pair.key}" changed type from ${describeType(old.value)} to ${describeType(after.value)}`, path: [...locationOf(after), 'type'] });
        }
        continue;
      }
      const oldShape = flattenSchema(context.old, old.value.schema, []);
      for (const [property, shape] of flattenSchema(context.new, after.value.schema, [...locationOf(after), 'schema'])) {
        const previous = oldShape.get(property);
        if (!previous || previous.type === undefined || shape.type === undefined) continue;
        if (previous.type !== shape.type || previous.format !== shape.format) {
          context.report({ message: `body ${property === '' ? 'schema' : `property "${property}"`} of "${pair.key}" changed type from ${describeType(previous)} to ${describeType(shape)}`, path: shape.path });
        }
      }
    }
  },
};
