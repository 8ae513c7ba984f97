import { DOCS, type Rule } from '../types.js';

/**
 * PathParameterMissingEncoding: path parameters say `x-ms-url-encoding` ("single" or "double");
 * the extension means nothing elsewhere, and only those two values exist.
 */
export const pathParameterEncoding: Rule = {
  id: 'path-parameter-encoding',
  severity: 'warning',
  description: 'Path parameters set x-ms-url-encoding to "single" or "double"; other parameters do not use it (PathParameterMissingEncoding)',
  docsUrl: `${DOCS.extensions}#x-ms-url-encoding`,
  create: ({ report }) => ({
    parameter(p) {
      const encoding = p.value['x-ms-url-encoding'];
      if (encoding !== undefined && encoding !== 'single' && encoding !== 'double') {
        report({ message: `x-ms-url-encoding must be "single" or "double", found ${JSON.stringify(encoding)}`, path: [...p.path, 'x-ms-url-encoding'] });
      }
      if (p.in === 'path' && encoding === undefined) {
        report({ message: `path parameter "${p.name}" should set "x-ms-url-encoding": "single"`, path: p.path });
      } else if (p.in !== 'path' && encoding !== undefined) {
        report({ message: `x-ms-url-encoding applies to path parameters only, not "${p.in}"`, path: [...p.path, 'x-ms-url-encoding'] });
      }
    },
  }),
};
