import { getContentBlob } from './content-blob.js';
import { listContent, listNotifications } from './content-list.js';
import { dlpSensitiveTypes } from './dlp-sensitive-types.js';
import type { ApiRoute } from './route.js';
import { listSubscriptions } from './subscriptions-list.js';
import { startSubscription } from './subscriptions-start.js';
import { stopSubscription } from './subscriptions-stop.js';

/** Every operation below `/api/v1.0/{tenant}/activity/feed/`. */
export const API_ROUTES: readonly ApiRoute[] = [startSubscription, stopSubscription, listSubscriptions, listContent, listNotifications, getContentBlob, dlpSensitiveTypes];
