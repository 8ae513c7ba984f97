import { DOCS, type Rule } from '../types.js';

/** SchemesArrayEmpty / SchemeNotValid: a non-empty list of http/https; certification requires https. */
export const schemesValid: Rule = {
  id: 'schemes-valid',
  severity: 'error',
  description: '`schemes` is a non-empty list of "https" (or "http") only (SchemesArrayEmpty, SchemeNotValid)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const schemes = index.root.schemes;
      if (schemes === undefined) return;
      if (!Array.isArray(schemes) || schemes.length === 0) {
        report({ message: '"schemes" must list at least one scheme ("https")', path: ['schemes'] });
        return;
      }
      schemes.forEach((scheme, i) => {
        if (scheme !== 'https' && scheme !== 'http') report({ message: `scheme ${JSON.stringify(scheme)} is not allowed: use "https"`, path: ['schemes', i] });
      });
    },
  }),
};
