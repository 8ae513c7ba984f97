import { CONTENT_TYPES, formatContentTime } from '../tenant/index.js';
import type { MockContext } from './context.js';
import { contentEntry } from './routes/content-list.js';
import { SubscriptionStore } from './subscriptions.js';

/** Failed rounds after which a webhook is disabled (`/start` re-enables it). The service's number is undocumented. */
export const MAX_FAILED_DELIVERIES = 5;

/**
 * Announces newly available blobs to subscriptions that have a webhook: one POST per content type
 * with an array of notifications, `Webhook-AuthID` when set. Only HTTP 200 counts as delivered;
 * failures are recorded (and listed by /notifications) and retried on the next round.
 */
export async function deliverNotifications(context: MockContext): Promise<void> {
  const now = context.now();
  for (const contentType of CONTENT_TYPES) {
    const subscription = context.subscriptions.get(contentType);
    if (!subscription || subscription.status !== 'enabled' || !subscription.webhook || subscription.webhook.status !== 'enabled') continue;
    if (subscription.webhook.expiration !== null && Date.parse(subscription.webhook.expiration) <= now.getTime()) {
      subscription.webhook = { ...subscription.webhook, status: 'expired' };
      continue;
    }
    const from = subscription.notifiedUpToMs ?? now.getTime();
    const blobs = context.tenant.listBlobs(contentType, { from: from + 1, to: now.getTime() + 1 }, now).filter((b) => SubscriptionStore.covers(subscription, b.contentCreatedMs));
    if (blobs.length === 0) continue;
    const payload = blobs.map((b) => ({ tenantId: context.tenantId, clientId: context.clientId, ...contentEntry(context, context.tenantId, b) }));
    let delivered = false;
    try {
      const response = await fetch(subscription.webhook.address, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; utf-8', ...(subscription.webhook.authId ? { 'Webhook-AuthID': subscription.webhook.authId } : {}) },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      delivered = response.status === 200;
    } catch {
      delivered = false;
    }
    const sentMs = context.now().getTime();
    for (const blob of blobs) {
      const entry = contentEntry(context, context.tenantId, blob);
      context.subscriptions.notifications.push({
        contentType,
        contentId: blob.contentId,
        contentUri: String(entry.contentUri),
        contentCreated: String(entry.contentCreated),
        contentExpiration: String(entry.contentExpiration),
        notificationSent: formatContentTime(sentMs),
        notificationStatus: delivered ? 'success' : 'failed',
        sentMs,
        contentCreatedMs: blob.contentCreatedMs,
      });
    }
    if (delivered) {
      subscription.notifiedUpToMs = blobs[blobs.length - 1]!.contentCreatedMs;
      subscription.failedDeliveries = 0;
    } else if ((subscription.failedDeliveries = (subscription.failedDeliveries ?? 0) + 1) >= MAX_FAILED_DELIVERIES) {
      subscription.webhook = { ...subscription.webhook, status: 'disabled' };
    }
  }
}
