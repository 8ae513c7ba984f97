import { fail } from '../errors.js';
import { requireContentType } from './content-type.js';
import type { ApiRoute } from './route.js';

/** POST /subscriptions/stop: disables the subscription; content created while stopped is lost to it. */
export const stopSubscription: ApiRoute = {
  method: 'POST',
  path: 'subscriptions/stop',
  operation: 'StopSubscription',
  contentTypeOf: (r) => r.query.get('contenttype'),
  handle(request) {
    const contentType = requireContentType(request);
    const existing = request.context.subscriptions.get(contentType);
    if (!existing) fail('AF20022');
    if (existing.status === 'enabled') {
      const nowMs = request.context.now().getTime();
      const periods = existing.periods.map((p) => (p.toMs === null ? { ...p, toMs: nowMs } : p));
      request.context.subscriptions.set({ ...existing, status: 'disabled', periods, webhook: existing.webhook ? { ...existing.webhook, status: 'disabled' } : null });
    }
    return { status: 200 };
  },
};
