import { DOCS, type Rule } from '../types.js';

/** Certified connectors call their service over TLS: "http" alone, or missing schemes, is a warning. */
export const schemesHttps: Rule = {
  id: 'schemes-https',
  severity: 'warning',
  description: 'The connector calls its service over https',
  docsUrl: DOCS.submission,
  create: ({ index, report }) => ({
    document() {
      const schemes = index.root.schemes;
      if (schemes === undefined) report({ message: 'no "schemes": say "https" explicitly (the service default follows the import URL)', path: [] });
      else if (Array.isArray(schemes) && schemes.includes('http')) report({ message: '"http" is listed in "schemes": use "https" only', path: ['schemes', schemes.indexOf('http')] });
    },
  }),
};
