import { VERSIONING_DOCS, type ChangeCheck } from '../types.js';
import { locationOf, parameterLabel, parametersByKey } from './helpers.js';

/** x-ms-visibility changed on an operation or parameter: users find it elsewhere (or not at all). */
export const visibilityChanged: ChangeCheck = {
  id: 'visibility-changed',
  severity: 'warning',
  description: 'x-ms-visibility of an operation or parameter changed',
  docsUrl: VERSIONING_DOCS,
  operation(context, pair) {
    const show = (value: unknown) => (value === undefined ? 'none (default)' : String(value));
    if (pair.old.value['x-ms-visibility'] !== pair.new.value['x-ms-visibility']) {
      context.report({ message: `visibility of "${pair.key}" changed from ${show(pair.old.value['x-ms-visibility'])} to ${show(pair.new.value['x-ms-visibility'])}`, path: [...pair.new.path, 'x-ms-visibility'] });
    }
    const before = parametersByKey(pair.old);
    for (const [key, after] of parametersByKey(pair.new)) {
      const old = before.get(key);
      if (old && old.value['x-ms-visibility'] !== after.value['x-ms-visibility']) {
        context.report({ message: `visibility of ${parameterLabel(after)} of "${pair.key}" changed from ${show(old.value['x-ms-visibility'])} to ${show(after.value['x-ms-visibility'])}`, path: [...locationOf(after), 'x-ms-visibility'] });
      }
    }
  },
};
