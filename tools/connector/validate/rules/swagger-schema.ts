import { summarizeAjvErrors, swaggerSchemaValidator } from '../schema-validators.js';
import type { ErrorObject } from 'ajv';
import { DOCS, type Rule } from '../types.js';

/** Findings a dedicated rule reports with a clearer message (host-valid, operation-responses). */
function coveredElsewhere(error: ErrorObject): boolean {
  return (error.instancePath === '/host' && error.keyword === 'pattern') || (/^\/paths\/[^/]+\/[^/]+\/responses$/.test(error.instancePath) && (error.keyword === 'minProperties' || error.keyword === 'not'));
}

/** The swagger validates against the OpenAPI 2.0 JSON Schema (unknown keys must be x- extensions: ExtensionNameNotValid). */
export const swaggerSchema: Rule = {
  id: 'swagger-schema',
  severity: 'error',
  description: 'The definition matches the Swagger 2.0 JSON Schema (structure, types, only x- extensions as extra keys)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const validate = swaggerSchemaValidator();
      if (validate(index.root)) return;
      for (const problem of summarizeAjvErrors(validate.errors, 50, coveredElsewhere)) report(problem);
    },
  }),
};
