import { DOCS, type Rule } from '../types.js';

/** SpecificationVersionIncorrect: only OpenAPI 2.0 is supported for connectors. */
export const swaggerVersion: Rule = {
  id: 'swagger-version',
  severity: 'error',
  description: '`swagger` is the string "2.0" (SpecificationVersionIncorrect)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const version = index.root.swagger;
      if (version !== '2.0') report({ message: `"swagger" must be the string "2.0", found ${JSON.stringify(version) ?? 'nothing'}: connectors support OpenAPI 2.0 only`, path: ['swagger'] });
    },
  }),
};
