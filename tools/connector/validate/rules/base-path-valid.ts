import { DOCS, type Rule } from '../types.js';

/** BasePathNotValid: `basePath`, when present, starts with a slash. */
export const basePathValid: Rule = {
  id: 'base-path-valid',
  severity: 'error',
  description: '`basePath` starts with "/" (BasePathNotValid)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const basePath = index.root.basePath;
      if (basePath === undefined) return;
      if (typeof basePath !== 'string' || !basePath.startsWith('/')) report({ message: `"basePath" must start with "/", found ${JSON.stringify(basePath)}`, path: ['basePath'] });
      else if (/[?#]/.test(basePath)) report({ message: `"basePath" must not contain a query or fragment: "${basePath}"`, path: ['basePath'] });
    },
  }),
};
