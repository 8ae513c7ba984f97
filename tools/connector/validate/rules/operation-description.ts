import { DOCS, type Rule } from '../types.js';

/** Operations always have a description, a full sentence ending with punctuation. */
export const operationDescription: Rule = {
  id: 'operation-description',
  severity: 'warning',
  description: 'Operation description: present, a full sentence ending with punctuation, not a copy of the summary',
  docsUrl: `${DOCS.codingStandards}#summary-and-description`,
  create: ({ report }) => ({
    operation(op) {
      const description = op.value.description;
      if (typeof description !== 'string' || description.trim() === '') {
        report({ message: `operation "${op.operationId ?? op.pathKey}" has no description`, path: op.path });
        return;
      }
      const path = [...op.path, 'description'];
      if (!/[.!?)]["']?\s*$/.test(description.trim())) report({ message: 'description should be a full sentence ending with a period', path });
      else if (typeof op.value.summary === 'string' && description.trim().replace(/\.$/, '') === op.value.summary.trim()) {
        report({ message: 'description repeats the summary: say more about what the operation does', path });
      }
    },
  }),
};
