import { lookupFunction } from '../model/function-table.js';
import { DOCS, type FlowRule } from '../types.js';

/** A known function called with too few or too many arguments. */
export const expressionArity: FlowRule = {
  id: 'expression-arity',
  severity: 'error',
  description: 'a function is called with a number of arguments it does not accept',
  docsUrl: DOCS.functions,
  create: ({ report }) => ({
    call(call) {
      const descriptor = lookupFunction(call.name);
      if (!descriptor) return;
      const count = call.args.length;
      if (count >= descriptor.minArgs && count <= descriptor.maxArgs) return;
      const expected =
        descriptor.minArgs === descriptor.maxArgs
          ? `${descriptor.minArgs}`
          : descriptor.maxArgs === Infinity
            ? `at least ${descriptor.minArgs}`
            : `${descriptor.minArgs} to ${descriptor.maxArgs}`;
      report({
        message: `function '${descriptor.name}' expects ${expected} argument${expected === '1' ? '' : 's'}, got ${count}`,
        path: call.site.path,
        column: call.column,
      });
    },
  }),
};
