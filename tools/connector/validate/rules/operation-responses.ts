import { DOCS, type Rule } from '../types.js';

/** OperationMustHaveResponse / OperationShouldHaveSuccessfulResponse: at least one response, and a 2xx one (not only `default`). */
export const operationResponses: Rule = {
  id: 'operation-responses',
  severity: 'error',
  description: 'Operations declare a 2xx response, not only `default` (OperationMustHaveResponse, OperationShouldHaveSuccessfulResponse)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const responses = op.value.responses;
      const codes = responses && typeof responses === 'object' ? Object.keys(responses) : [];
      if (codes.length === 0) {
        report({ message: `operation "${op.operationId ?? op.pathKey}" declares no responses`, path: [...op.path, 'responses'] });
      } else if (!codes.some((code) => /^2(\d\d|XX)$/i.test(code))) {
        const only = codes.length === 1 && codes[0] === 'default' ? 'only a "default" response' : `no 2xx response (${codes.join(', ')})`;
        report({ message: `operation "${op.operationId ?? op.pathKey}" has ${only}: declare the success response`, path: [...op.path, 'responses'] });
      }
    },
  }),
};
