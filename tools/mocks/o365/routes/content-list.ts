import { formatContentTime, type ContentBlob, type ContentType } from '../../tenant/index.js';
import type { MockContext } from '../context.js';
import { fail } from '../errors.js';
import { decodePageToken, encodePageToken, startIndex } from '../paging.js';
import { SubscriptionStore, type Subscription } from '../subscriptions.js';
import { listWindow, type ListWindow } from '../time-window.js';
import { requireContentType } from './content-type.js';
import type { ApiRequest, ApiResponse, ApiRoute } from './route.js';

export function contentUri(context: MockContext, tenantId: string, contentId: string): string {
  return `${context.baseUrl}/api/v1.0/${tenantId}/activity/feed/audit/${contentId}`;
}

/** The subscription for a content type, or AF20022 (never started) / AF20023 (disabled). */
export function activeSubscription(context: MockContext, contentType: ContentType): Subscription {
  const subscription = context.subscriptions.get(contentType);
  if (!subscription) fail('AF20022');
  if (subscription.status !== 'enabled') fail('AF20023');
  return subscription;
}

interface Listed {
  createdMs: number;
  contentId: string;
  /** The item as JSON text (listing entries are cached per blob: they never change). */
  json: string;
}

const entryCache = new WeakMap<ContentBlob, { baseUrl: string; json: string }>();

function cachedEntryJson(context: MockContext, tenantId: string, blob: ContentBlob): string {
  const hit = entryCache.get(blob);
  if (hit && hit.baseUrl === context.baseUrl) return hit.json;
  const json = JSON.stringify(contentEntry(context, tenantId, blob));
  entryCache.set(blob, { baseUrl: context.baseUrl, json });
  return json;
}

/** Shared by /content and /notifications: window rules, page cut, NextPageUri. */
function pagedAnswer(request: ApiRequest, operationPath: string, contentType: ContentType, window: ListWindow, items: Listed[]): ApiResponse {
  const { context } = request;
  const token = request.query.get('nextpage');
  let start = 0;
  if (token !== undefined) start = startIndex(items, decodePageToken(token, context.pagingKey), (i) => ({ createdMs: i.createdMs, contentId: i.contentId }));
  const page = items.slice(start, start + context.pageSize);
  const headers: Record<string, string> = {};
  const next = items[start + context.pageSize];
  if (next) {
    const url = new URL(`${context.baseUrl}/api/v1.0/${request.tenantId}/activity/feed/subscriptions/${operationPath}`);
    url.searchParams.set('contentType', contentType);
    url.searchParams.set('startTime', formatContentTime(window.fromMs));
    url.searchParams.set('endTime', formatContentTime(window.toMs));
    url.searchParams.set('nextPage', encodePageToken({ createdMs: next.createdMs, contentId: next.contentId }, context.pagingKey));
    headers.NextPageUri = url.toString();
  }
  return { status: 200, rawBody: `[${page.map((p) => p.json).join(',')}]`, headers };
}

function windowOf(request: ApiRequest): ListWindow {
  return listWindow(request.query.get('starttime'), request.query.get('endtime'), request.context.now().getTime());
}

/** GET /subscriptions/content: blobs whose contentCreated is in [startTime, endTime), oldest first. */
export const listContent: ApiRoute = {
  method: 'GET',
  path: 'subscriptions/content',
  operation: 'ListContent',
  contentTypeOf: (r) => r.query.get('contenttype'),
  handle(request) {
    const { context } = request;
    const contentType = requireContentType(request);
    const subscription = activeSubscription(context, contentType);
    const window = windowOf(request);
    const nowMs = context.now().getTime();
    // The answer depends only on these: blobs never change once made, and what exists is cut at `now`.
    const key = [context.baseUrl, request.tenantId, contentType, window.fromMs, window.toMs, Math.min(window.toMs, nowMs + 1), context.pageSize, request.query.get('nextpage') ?? '', subscription.periods.map((p) => `${p.fromMs}-${p.toMs}`).join(',')].join('|');
    const pages = listingPages(context);
    const hit = pages.get(key);
    if (hit) return hit;
    const blobs = context.tenant.listBlobs(contentType, { from: window.fromMs, to: window.toMs }, nowMs);
    const items: Listed[] = [];
    for (const blob of blobs) {
      if (!SubscriptionStore.covers(subscription, blob.contentCreatedMs)) continue;
      items.push({ createdMs: blob.contentCreatedMs, contentId: blob.contentId, json: cachedEntryJson(context, request.tenantId, blob) });
    }
    const answer = pagedAnswer(request, 'content', contentType, window, items);
    answer.rawBody = Buffer.from(answer.rawBody as string, 'utf8');
    if (pages.size >= MAX_CACHED_PAGES) pages.clear();
    pages.set(key, answer);
    return answer;
  },
};

/** Listing pages kept per mock (a page is rebuilt after a clear): retries and reruns list the same windows again. */
const MAX_CACHED_PAGES = 256;
const pageCache = new WeakMap<MockContext, Map<string, ApiResponse>>();

function listingPages(context: MockContext): Map<string, ApiResponse> {
  let pages = pageCache.get(context);
  if (!pages) pageCache.set(context, (pages = new Map()));
  return pages;
}

export function contentEntry(context: MockContext, tenantId: string, blob: ContentBlob): Record<string, unknown> {
  return {
    contentType: blob.contentType,
    contentId: blob.contentId,
    contentUri: contentUri(context, tenantId, blob.contentId),
    contentCreated: formatContentTime(blob.contentCreatedMs),
    contentExpiration: formatContentTime(blob.contentExpirationMs),
  };
}

/** GET /subscriptions/notifications: webhook delivery attempts in the window (empty without a webhook). */
export const listNotifications: ApiRoute = {
  method: 'GET',
  path: 'subscriptions/notifications',
  operation: 'ListNotifications',
  contentTypeOf: (r) => r.query.get('contenttype'),
  handle(request) {
    const { context } = request;
    const contentType = requireContentType(request);
    activeSubscription(context, contentType);
    const window = windowOf(request);
    const items: Listed[] = context.subscriptions.notifications
      .filter((n) => n.contentType === contentType && n.contentCreatedMs >= window.fromMs && n.contentCreatedMs < window.toMs)
      .map((n) => ({
        createdMs: n.contentCreatedMs,
        contentId: `${n.contentId}#${n.sentMs}`,
        json: JSON.stringify({ contentType: n.contentType, contentId: n.contentId, contentUri: n.contentUri, contentCreated: n.contentCreated, contentExpiration: n.contentExpiration, notificationSent: n.notificationSent, notificationStatus: n.notificationStatus }),
      }))
      .sort((a, b) => a.createdMs - b.createdMs || (a.contentId < b.contentId ? -1 : 1));
    return pagedAnswer(request, 'notifications', contentType, window, items);
  },
};
