import { isInternalOperation } from '../document-index.js';
import { DOCS, type Rule } from '../types.js';

/** Parameters users see carry x-ms-summary, their label in the designer (title case recommended). */
export const parameterSummary: Rule = {
  id: 'parameter-summary',
  severity: 'warning',
  description: 'Visible parameters have x-ms-summary (their label in the designer)',
  docsUrl: `${DOCS.extensions}#x-ms-summary`,
  create: ({ report }) => ({
    parameter(p) {
      if (p.in === 'body' || p.value['x-ms-visibility'] === 'internal') return;
      if (p.usedBy.length === 0 && p.shared) return;
      // Only internal operations use it (dynamic-values sources, webhook deletes): no user sees its label.
      if (p.usedBy.length > 0 && p.usedBy.every(isInternalOperation)) return;
      const summary = p.value['x-ms-summary'];
      if (typeof summary !== 'string' || summary.trim() === '') report({ message: `parameter "${p.name}" has no x-ms-summary: the designer would show its raw name`, path: p.path });
    },
  }),
};
