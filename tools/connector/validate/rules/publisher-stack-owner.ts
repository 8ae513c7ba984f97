import { DOCS, type Rule } from '../types.js';

/** Certification: apiProperties names the `publisher` and the `stackOwner` (the company that owns the service). */
export const publisherStackOwner: Rule = {
  id: 'publisher-stack-owner',
  severity: 'error',
  description: 'apiProperties has non-empty publisher and stackOwner',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ report }) => ({
    apiProperties(properties) {
      for (const key of ['publisher', 'stackOwner']) {
        const value = properties[key];
        if (typeof value !== 'string' || value.trim() === '') report({ message: `"${key}" is required for certification`, path: ['properties'], file: 'apiProperties' });
      }
    },
  }),
};
