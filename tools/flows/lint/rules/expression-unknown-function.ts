import { lookupFunction } from '../model/function-table.js';
import { DOCS, type FlowRule } from '../types.js';

/** A call to a function the workflow language does not have (checked against the engine's function table). */
export const expressionUnknownFunction: FlowRule = {
  id: 'expression-unknown-function',
  severity: 'error',
  description: 'an expression calls a function that the workflow expression language does not define',
  docsUrl: DOCS.functions,
  create: ({ report }) => ({
    call(call) {
      if (!lookupFunction(call.name)) {
        report({ message: `unknown function '${call.name}' in expression`, path: call.site.path, column: call.column });
      }
    },
  }),
};
