import { apiPropertiesSchemaValidator, summarizeAjvErrors } from '../schema-validators.js';
import { DOCS, type Rule } from '../types.js';

/** apiProperties.json matches the schema we wrote from Microsoft's documentation (schemas/api-properties.schema.ts). */
export const apiPropertiesSchemaRule: Rule = {
  id: 'api-properties-schema',
  severity: 'error',
  description: 'apiProperties.json matches its documented structure (properties, connectionParameters, policyTemplateInstances, ...)',
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ index, report }) => ({
    document() {
      const source = index.apiPropertiesSource;
      if (!source) return;
      const validate = apiPropertiesSchemaValidator();
      if (validate(source.value)) return;
      for (const problem of summarizeAjvErrors(validate.errors)) report({ ...problem, file: 'apiProperties' });
    },
  }),
};
