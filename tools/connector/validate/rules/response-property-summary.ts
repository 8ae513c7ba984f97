import { DOCS, type Rule } from '../types.js';

/** Response properties carry x-ms-summary: it names the dynamic content tokens flows pick from. */
export const responsePropertySummary: Rule = {
  id: 'response-property-summary',
  severity: 'warning',
  description: 'Properties of response schemas have x-ms-summary (the name of their dynamic content token)',
  docsUrl: `${DOCS.extensions}#x-ms-summary`,
  create: ({ report }) => ({
    schema(node) {
      if (!node.inResponse || node.propertyName === undefined) return;
      const value = node.value;
      if (value['x-ms-visibility'] === 'internal' || '$ref' in value) return;
      const summary = value['x-ms-summary'];
      if (typeof summary !== 'string' || summary.trim() === '') report({ message: `response property "${node.propertyName}" has no x-ms-summary`, path: node.path });
    },
  }),
};
