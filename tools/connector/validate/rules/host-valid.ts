import { DOCS, type Rule } from '../types.js';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$/;

/** HostNameNotValid: `host` is a bare host name with an optional port, no scheme and no path. */
export const hostValid: Rule = {
  id: 'host-valid',
  severity: 'error',
  description: '`host` is a bare host[:port] without scheme or path (HostNameNotValid)',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      const host = index.root.host;
      if (host === undefined) return;
      if (typeof host !== 'string' || host.trim() === '') {
        report({ message: '"host" must be a non-empty host name', path: ['host'] });
      } else if (/^[a-z]+:\/\//i.test(host)) {
        report({ message: `"host" must not contain a scheme: "${host}" (put it in "schemes")`, path: ['host'] });
      } else if (host.includes('/')) {
        report({ message: `"host" must not contain a path: "${host}" (put it in "basePath")`, path: ['host'] });
      } else if (!HOST.test(host)) {
        report({ message: `"host" is not a valid host name: "${host}"`, path: ['host'] });
      }
    },
  }),
};
