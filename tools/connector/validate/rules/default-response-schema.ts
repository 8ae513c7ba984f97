import { DOCS, type Rule } from '../types.js';

/** DefaultResponseHasSchema: the `default` response carries no schema; put the output schema on 200/201. */
export const defaultResponseSchema: Rule = {
  id: 'default-response-schema',
  severity: 'error',
  description: 'The `default` response has no schema (DefaultResponseHasSchema)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const response = op.responses.find((r) => r.code === 'default');
      if (response?.value.schema !== undefined) {
        report({ message: 'the "default" response must not have a schema: declare the output on a 2xx response', path: [...response.path, 'schema'] });
      }
    },
  }),
};
