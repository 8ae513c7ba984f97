import { DOCS, type Rule } from '../types.js';

/**
 * Path template and path parameters agree: every {name} has a parameter with `in: path` and
 * `required: true`, and every path parameter appears in the template
 * (OperationMissingPathParameter, PathParameterNotDefinedInTemplate, PathParameterMustBeRequired).
 */
export const pathParameters: Rule = {
  id: 'path-parameters',
  severity: 'error',
  description: 'Path template names and `in: path` parameters match, and path parameters are required',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const names = [...op.pathKey.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
      const pathParams = op.parameters.filter((p) => p.value.in === 'path');
      for (const name of names) {
        if (!pathParams.some((p) => p.value.name === name)) {
          report({ message: `path parameter "{${name}}" of ${op.method.toUpperCase()} ${op.pathKey} is not declared as a parameter with "in": "path"`, path: op.path });
        }
      }
      for (const p of pathParams) {
        const where = p.definition?.path ?? p.path;
        if (!names.includes(String(p.value.name))) {
          report({ message: `path parameter "${String(p.value.name)}" does not appear in the path template ${op.pathKey}`, path: where });
        }
        if (p.value.required !== true) report({ message: `path parameter "${String(p.value.name)}" must have "required": true`, path: where });
      }
    },
  }),
};
