import { DOCS, type FlowRule } from '../types.js';

/** A string value with `@` / `@{` that the expression parser rejects; the service refuses to save it. */
export const expressionSyntax: FlowRule = {
  id: 'expression-syntax',
  severity: 'error',
  description: 'an expression does not parse (reported with the column in the string value)',
  docsUrl: DOCS.functions,
  create: ({ report }) => ({
    expression(site) {
      if (site.syntaxError) report({ message: site.syntaxError.message, path: site.path, column: site.syntaxError.column });
    },
  }),
};
