import { DOCS, type Rule } from '../types.js';

/** At most one body parameter, never body and formData together, and no body on GET. */
export const bodyParameters: Rule = {
  id: 'body-parameters',
  severity: 'error',
  description: 'At most one body parameter, not mixed with formData, none on GET',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const bodies = op.parameters.filter((p) => p.value.in === 'body');
      const forms = op.parameters.filter((p) => p.value.in === 'formData');
      if (bodies.length > 1) report({ message: `operation "${op.operationId ?? op.pathKey}" has ${bodies.length} body parameters: at most one`, path: bodies[1]!.path });
      if (bodies.length > 0 && forms.length > 0) report({ message: 'an operation cannot have both a body parameter and formData parameters', path: forms[0]!.path });
      if (op.method === 'get' && (bodies.length > 0 || forms.length > 0)) {
        report({ message: 'a GET operation cannot have a body or formData parameter', path: (bodies[0] ?? forms[0])!.path });
      }
    },
  }),
};
