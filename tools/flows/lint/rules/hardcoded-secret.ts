import { isObject } from '../../wdl/types.js';
import { NESTED_ACTION_KEYS } from '../../wdl/walk.js';
import { DOCS, type FlowRule } from '../types.js';

const SECRET_KEY = /^(password|passwd|pwd|secret|client_?secret|clientsecret|api_?key|apikey|access_?token|refresh_?token|shared_?access_?key|sas_?token|connection_?string|x-api-key|ocp-apim-subscription-key)$/i;
const JWT = /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./;
const BEARER = /^\s*(Bearer|Basic)\s+[A-Za-z0-9+/=._-]{16,}\s*$/i;
// Also a form-encoded body (`client_id=...&client_secret=...`); Entra ID client secrets contain `~`.
const KEY_IN_URL = /(?:^|[?&])(sig|code|api[-_]?key|client_secret|access_token|password)=[A-Za-z0-9%+/=._~-]{16,}/i;

/**
 * A password, client secret, key or token written into the flow as plain text: anyone who can read
 * the flow (or its exported zip) reads the secret. Messages name the place, never the value.
 */
export const hardcodedSecret: FlowRule = {
  id: 'hardcoded-secret',
  severity: 'error',
  description: 'a password, client secret, API key or token is written into the flow as plain text',
  docsUrl: DOCS.secureInputs,
  create: ({ report }) => ({
    action(visit) {
      const walk = (node: unknown, path: (string | number)[], key: string, top: boolean) => {
        if (typeof node === 'string') {
          if (node === '' || node.startsWith('@')) return;
          const reason = SECRET_KEY.test(key) ? `"${key}"` : JWT.test(node) ? 'a JSON web token' : BEARER.test(node) ? 'an Authorization credential' : KEY_IN_URL.test(node) ? 'a key in a URL or form body' : undefined;
          if (reason) report({ message: `action "${visit.name}" contains ${reason} as plain text: keep secrets in a connection, Azure Key Vault or a secure environment variable`, path });
        } else if (Array.isArray(node)) {
          node.forEach((item, i) => walk(item, [...path, i], key, false));
        } else if (isObject(node)) {
          for (const [childKey, item] of Object.entries(node)) {
            if (top && (NESTED_ACTION_KEYS.has(childKey) || childKey === 'runAfter' || childKey === 'metadata')) continue;
            walk(item, [...path, childKey], childKey, false);
          }
        }
      };
      walk(visit.action, visit.path, visit.name, true);
    },
  }),
};
