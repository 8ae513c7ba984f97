import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';

/** An action turned trigger (or back), or a trigger's batch/single kind changed. */
export const triggerChanged: ChangeCheck = {
  id: 'trigger-changed',
  severity: 'error',
  description: 'x-ms-trigger was added, removed or changed on an operation',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const before = pair.old.value['x-ms-trigger'];
    const after = pair.new.value['x-ms-trigger'];
    if (before === after) return;
    const describe = (value: unknown) => (value === undefined ? 'an action' : `a ${String(value)} trigger`);
    context.report({ message: `"${pair.key}" was ${describe(before)} and is now ${describe(after)}: flows using it break`, path: [...pair.new.path, after === undefined ? 'operationId' : 'x-ms-trigger'] });
  },
};
