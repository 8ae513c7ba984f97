import { CONTENT_TYPES, type ContentType } from '../tenant/index.js';

export interface Webhook {
  status: 'enabled' | 'disabled' | 'expired';
  address: string;
  authId: string | null;
  expiration: string | null;
}

export interface Subscription {
  contentType: ContentType;
  status: 'enabled' | 'disabled';
  webhook: Webhook | null;
  /** Periods in which the subscription was enabled: content created in them can be listed. */
  periods: { fromMs: number; toMs: number | null }[];
  /** When /start last changed something (for the 15-minute start limit). */
  lastStartMs: number;
  /** Blobs already announced to the webhook (contentCreated high-water mark). */
  notifiedUpToMs?: number;
  /** Failed notification rounds in a row; the service disables a webhook that keeps failing. */
  failedDeliveries?: number;
}

export interface NotificationAttempt {
  contentType: ContentType;
  contentId: string;
  contentUri: string;
  contentCreated: string;
  contentExpiration: string;
  notificationSent: string;
  notificationStatus: 'success' | 'failed';
  sentMs: number;
  contentCreatedMs: number;
}

/** Subscriptions of the one tenant, by content type; content types never started are absent. */
export class SubscriptionStore {
  private readonly items = new Map<ContentType, Subscription>();
  readonly notifications: NotificationAttempt[] = [];

  get(contentType: ContentType): Subscription | undefined {
    return this.items.get(contentType);
  }

  set(subscription: Subscription): void {
    this.items.set(subscription.contentType, subscription);
  }

  /** In the order the service lists them. */
  list(): Subscription[] {
    return CONTENT_TYPES.flatMap((t) => this.items.get(t) ?? []);
  }

  /** Whether content created at `ms` falls in an enabled period of the subscription. */
  static covers(subscription: Subscription, ms: number): boolean {
    return subscription.periods.some((p) => ms >= p.fromMs && (p.toMs === null || ms < p.toMs));
  }

  toJSON(): Subscription[] {
    return this.list();
  }

  load(subscriptions: readonly Subscription[]): void {
    for (const s of subscriptions) if (CONTENT_TYPES.includes(s.contentType)) this.items.set(s.contentType, s);
  }
}

/** The public shape of a subscription in /start and /list answers. */
export function publicSubscription(s: Subscription): { contentType: string; status: string; webhook: Omit<Webhook, never> | null } {
  return { contentType: s.contentType, status: s.status, webhook: s.webhook ? { ...s.webhook } : null };
}
