import { isObject } from '../../wdl/types.js';
import type { FlowRule } from '../types.js';

/** Functions that read another part of the run than the action's own record, the trigger and parameters. */
const OUTSIDE_FUNCTIONS = new Set(['actions', 'body', 'outputs', 'actionbody', 'actionoutputs', 'result', 'variables', 'item', 'items', 'iterationindexes']);

/**
 * `trackedProperties` can only reference the action's own inputs and outputs (`action()`), the
 * trigger's and parameters, and are not allowed on an action with secure inputs or outputs: the
 * service refuses both on save ("Tracked properties can only reference its own action's inputs and
 * outputs, trigger inputs and outputs and parameters").
 */
export const trackedPropertiesScope: FlowRule = {
  id: 'tracked-properties-scope',
  severity: 'error',
  description: "trackedProperties that reference another action, a variable or a loop item, or sit on an action with secure inputs/outputs",
  docsUrl: 'https://learn.microsoft.com/en-us/azure/logic-apps/monitor-workflows-collect-diagnostic-data#tracked-properties',
  create: ({ report }) => ({
    action(visit) {
      const secureData = isObject(visit.action.runtimeConfiguration) ? visit.action.runtimeConfiguration.secureData : undefined;
      const secured = isObject(secureData) && Array.isArray(secureData.properties) && secureData.properties.length > 0;
      if (secured && visit.action.trackedProperties !== undefined) {
        report({ message: `action "${visit.name}" has secure inputs or outputs: tracked properties are not allowed on it`, path: [...visit.path, 'trackedProperties'] });
      }
    },
    call(call, owner) {
      if (owner.kind !== 'action' || call.site.path[owner.visit.path.length] !== 'trackedProperties') return;
      if (!OUTSIDE_FUNCTIONS.has(call.name.toLowerCase())) return;
      report({ message: `tracked properties of "${owner.visit.name}" can only reference its own inputs and outputs (action()), the trigger and parameters, not ${call.name}()`, path: call.site.path, column: call.column });
    },
  }),
};
