import { DOCS, type Rule } from '../types.js';

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/** ConsumesMissing: operations with a body or formData say what they consume; formData needs a form MIME type. */
export const consumesForBody: Rule = {
  id: 'consumes-for-body',
  severity: 'error',
  description: 'Operations with a body or formData declare `consumes` (ConsumesMissing); formData needs a form MIME type',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    operation(op) {
      const hasBody = op.parameters.some((p) => p.value.in === 'body');
      const hasForm = op.parameters.some((p) => p.value.in === 'formData');
      if (!hasBody && !hasForm) return;
      const consumes = Array.isArray(op.value.consumes) ? op.value.consumes : Array.isArray(index.root.consumes) ? index.root.consumes : undefined;
      if (!consumes || consumes.length === 0) {
        report({ message: `operation "${op.operationId ?? op.pathKey}" sends a body but neither it nor the document declares "consumes"`, path: op.path });
      } else if (hasForm && !consumes.some((c) => FORM_TYPES.includes(String(c).split(';')[0]!.trim()))) {
        report({ message: `formData parameters need "consumes" to include ${FORM_TYPES.join(' or ')}`, path: op.value.consumes ? [...op.path, 'consumes'] : ['consumes'] });
      }
    },
  }),
};
