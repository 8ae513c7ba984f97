import { publicSubscription } from '../subscriptions.js';
import type { ApiRoute } from './route.js';

/** GET /subscriptions/list: every content type ever started, enabled or disabled; `[]` when none. */
export const listSubscriptions: ApiRoute = {
  method: 'GET',
  path: 'subscriptions/list',
  operation: 'ListSubscriptions',
  handle: (request) => ({ status: 200, body: request.context.subscriptions.list().map(publicSubscription) }),
};
