import { isObject } from '../../validate/types.js';
import type { ChangeCheck } from '../types.js';

/**
 * How users sign in changed: a connection parameter removed, retyped or newly required, or a
 * security definition of another type. Existing connections no longer fit and must be recreated.
 */
export const connectionChanged: ChangeCheck = {
  id: 'connection-changed',
  severity: 'error',
  description: 'Connection parameters (apiProperties.json) or the security definition changed so that existing connections break',
  docsUrl: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli#api-properties-file',
  documents(context) {
    const parameters = (properties: Record<string, unknown> | undefined) => (isObject(properties?.connectionParameters) ? properties.connectionParameters : undefined);
    const before = parameters(context.old.apiProperties);
    const after = parameters(context.new.apiProperties);
    if (before && after) {
      for (const [name, old] of Object.entries(before)) {
        if (!isObject(old)) continue;
        const now = after[name];
        if (!isObject(now)) {
          context.report({ message: `connection parameter "${name}" has been removed: existing connections must be recreated`, path: ['properties', 'connectionParameters', name], side: 'old', file: 'apiProperties' });
        } else if (String(old.type).toLowerCase() !== String(now.type).toLowerCase()) {
          context.report({ message: `connection parameter "${name}" changed type from ${String(old.type)} to ${String(now.type)}: existing connections must be recreated`, path: ['properties', 'connectionParameters', name, 'type'], file: 'apiProperties' });
        }
      }
      for (const [name, now] of Object.entries(after)) {
        if (name in before || !isObject(now)) continue;
        const required = isObject(now.uiDefinition) && isObject(now.uiDefinition.constraints) ? String(now.uiDefinition.constraints.required) === 'true' : false;
        if (required) context.report({ message: `new required connection parameter "${name}": existing connections do not have it`, path: ['properties', 'connectionParameters', name], file: 'apiProperties' });
      }
    }
    const definitions = (root: Record<string, unknown>) => (isObject(root.securityDefinitions) ? Object.values(root.securityDefinitions).filter(isObject) : []);
    const oldTypes = [...new Set(definitions(context.old.root).map((d) => String(d.type)))].sort().join(', ');
    const newTypes = [...new Set(definitions(context.new.root).map((d) => String(d.type)))].sort().join(', ');
    if (oldTypes !== newTypes) {
      context.report({ message: `authentication changed from ${oldTypes || 'none'} to ${newTypes || 'none'}: existing connections must be recreated`, path: ['securityDefinitions'] });
    }
  },
};
