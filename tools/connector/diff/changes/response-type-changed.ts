import { describeType, flattenSchema, successResponseSchema } from '../schema-shape.js';
import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';

/** An output whose type changed: expressions and later actions in flows expect the old one. */
export const responseTypeChanged: ChangeCheck = {
  id: 'response-type-changed',
  severity: 'error',
  description: 'The type of the success response or one of its properties changed',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const before = successResponseSchema(pair.old);
    const after = successResponseSchema(pair.new);
    if (!before || !after) return;
    const oldShape = flattenSchema(context.old, before.schema, before.path);
    for (const [property, shape] of flattenSchema(context.new, after.schema, after.path)) {
      const previous = oldShape.get(property);
      if (!previous || previous.type === undefined || shape.type === undefined) continue;
      if (previous.type !== shape.type || previous.format !== shape.format) {
        context.report({ message: `output ${property === '' ? 'of' : `property "${property}" of`} "${pair.key}" changed type from ${describeType(previous)} to ${describeType(shape)}`, path: shape.path });
      }
    }
  },
};
