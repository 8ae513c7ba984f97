import { isObject } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';

/** A flow parameter bound to an environment variable (metadata.schemaName) that the solution does not define. */
export const environmentVariableUndefined: FlowRule = {
  id: 'environment-variable-undefined',
  severity: 'error',
  description: 'a flow parameter refers to an environment variable (schemaName) that the solution does not define',
  docsUrl: DOCS.environmentVariables,
  create: ({ flow, solution, report }) => ({
    flow() {
      const defined = solution.environmentVariables;
      if (!defined || !isObject(flow.definition.parameters)) return;
      for (const [name, parameter] of Object.entries(flow.definition.parameters)) {
        const schemaName = isObject(parameter) && isObject(parameter.metadata) ? parameter.metadata.schemaName : undefined;
        if (typeof schemaName !== 'string' || defined.has(schemaName)) continue;
        report({
          message: `parameter "${name}" reads environment variable ${schemaName}, which the solution does not define (no environmentvariabledefinitions/${schemaName})`,
          path: [...flow.definitionPath, 'parameters', name, 'metadata', 'schemaName'],
        });
      }
    },
  }),
};
