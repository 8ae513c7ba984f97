import { parseContentId } from '../../tenant/index.js';
import { fail } from '../errors.js';
import { SubscriptionStore } from '../subscriptions.js';
import { activeSubscription } from './content-list.js';
import type { ApiRoute } from './route.js';

/** GET /audit/{contentId}: the blob's records, a JSON array. */
export const getContentBlob: ApiRoute = {
  method: 'GET',
  path: 'audit/{contentId}',
  operation: 'GetBlob',
  contentTypeOf: (r) => parseContentId(r.params.contentId ?? '')?.contentType,
  handle(request) {
    const { context } = request;
    const contentId = request.params.contentId ?? '';
    const parsed = parseContentId(contentId);
    if (!parsed) fail('AF20052', contentId);
    const subscription = activeSubscription(context, parsed.contentType);
    const now = context.now();
    const blob = context.tenant.blob(contentId, now);
    if (!blob || !SubscriptionStore.covers(subscription, blob.contentCreatedMs)) fail('AF20050', contentId);
    if (context.injector.contentExpired(blob, now.getTime())) fail('AF20051', contentId);
    return { status: 200, rawBody: context.tenant.blobBodyBytes(blob) };
  },
};
