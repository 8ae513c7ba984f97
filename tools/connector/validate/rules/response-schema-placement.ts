import { DOCS, type Rule } from '../types.js';

/** OperationHasManyResponsesWithSchema / SchemaDefinitionSetIncorrectly: one 2xx response carries the output schema. */
export const responseSchemaPlacement: Rule = {
  id: 'response-schema-placement',
  severity: 'warning',
  description: 'Only one 2xx response has a schema (OperationHasManyResponsesWithSchema)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const withSchema = op.responses.filter((r) => /^2\d\d$/.test(r.code) && r.value.schema !== undefined);
      if (withSchema.length > 1) {
        report({ message: `responses ${withSchema.map((r) => r.code).join(', ')} all have a schema: the designer uses one output schema`, path: withSchema[1]!.path });
      }
    },
  }),
};
