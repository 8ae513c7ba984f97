import { isObject } from '../../wdl/types.js';
import { NESTED_ACTION_KEYS } from '../../wdl/walk.js';
import { literalTexts } from '../model/literal-text.js';
import { DOCS, type FlowRule } from '../types.js';

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/;
const TENANT_URL = /login\.(?:microsoftonline\.(?:com|us)|windows\.net|partner\.microsoftonline\.cn)\/[0-9a-f]{8}-/i;

/**
 * Tenant ids, GUIDs and e-mail addresses written into actions, or into environment variable
 * defaults, where an environment variable or parameter belongs: the flow then breaks (or mails the
 * wrong person) in every other tenant. The CoE kit's own exports carry a tenant id and an admin
 * address as env var defaults.
 */
export const hardcodedValue: FlowRule = {
  id: 'hardcoded-value',
  severity: 'warning',
  description: 'a tenant id, GUID or e-mail address is hard-coded where an environment variable or parameter belongs',
  docsUrl: DOCS.environmentVariables,
  create: ({ flow, report }) => {
    const check = (value: unknown, path: (string | number)[], owner: string, skipTop: ReadonlySet<string>, advice = 'use an environment variable (or a parameter) instead') => {
      for (const literal of literalTexts(value, path, skipTop)) {
        const what = TENANT_URL.test(literal.text)
          ? 'a tenant id in a sign-in URL'
          : GUID.test(literal.text)
            ? /tenant/i.test(String(literal.key)) || /tenant/i.test(owner) ? 'a tenant id' : 'a GUID'
            : EMAIL.test(literal.text)
              ? 'an e-mail address'
              : undefined;
        if (what) report({ message: `${owner} hard-codes ${what} in "${literal.key}": ${advice}`, path: literal.path });
      }
    };
    return {
      action(visit) {
        check(visit.action, visit.path, `action "${visit.name}"`, NESTED_ACTION_KEYS);
      },
      trigger(trigger) {
        check(trigger.trigger, trigger.path, `trigger "${trigger.name}"`, new Set());
      },
      flow() {
        if (!isObject(flow.definition.parameters)) return;
        for (const [name, parameter] of Object.entries(flow.definition.parameters)) {
          if (!isObject(parameter) || name.startsWith('$')) continue;
          check({ defaultValue: parameter.defaultValue }, [...flow.definitionPath, 'parameters', name], `parameter "${name}"`, new Set(), 'leave the default empty and set the value per environment (deployment settings or the environment variable\'s current value)');
        }
      },
    };
  },
};
