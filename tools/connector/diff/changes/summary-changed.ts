import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/** The name users know an action or parameter by changed (summary, x-ms-summary). */
export const summaryChanged: ChangeCheck = {
  id: 'summary-changed',
  severity: 'warning',
  description: 'The summary of an operation or the x-ms-summary of a parameter changed',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    if (pair.old.value.summary !== pair.new.value.summary) {
      context.report({ message: `summary of "${pair.key}" changed from ${JSON.stringify(pair.old.value.summary)} to ${JSON.stringify(pair.new.value.summary)}`, path: [...pair.new.path, 'summary'] });
    }
    const before = parametersByKey(pair.old);
    for (const [key, after] of parametersByKey(pair.new)) {
      const old = before.get(key);
      if (old && old.value['x-ms-summary'] !== after.value['x-ms-summary']) {
        context.report({ message: `x-ms-summary of ${parameterLabel(after)} of "${pair.key}" changed from ${JSON.stringify(old.value['x-ms-summary'])} to ${JSON.stringify(after.value['x-ms-summary'])}`, path: [...locationOf(after), 'x-ms-summary'] });
      }
    }
  },
};
