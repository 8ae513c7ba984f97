import type { FaultOptions } from './config.js';
import { seededRandom, type Random } from '../tenant/random.js';
import { apiError, type ApiError } from './errors.js';

/** Decides, request by request, which injected fault (if any) hits. Seeded, so runs repeat. */
export class FaultInjector {
  private readonly random: Random;
  private readonly windows = new Map<string, { minute: number; count: number }>();

  constructor(readonly faults: FaultOptions, seed: string) {
    this.random = seededRandom(seed, 'faults');
  }

  /** Real-time latency to add before answering, in ms. */
  latency(): number {
    const latency = this.faults.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, latency[0] + this.random.next() * (latency[1] - latency[0]));
  }

  /** A throttling or server error for this request, or undefined. */
  requestFault(method: string, publisherId: string, nowMs: number): ApiError | undefined {
    const quota = this.faults.quotaPerMinute;
    if (quota !== undefined) {
      const minute = Math.floor(nowMs / 60_000);
      const window = this.windows.get(publisherId);
      if (!window || window.minute !== minute) this.windows.set(publisherId, { minute, count: 1 });
      else if (++window.count > quota) return apiError('AF429', method, publisherId);
    }
    if (this.faults.throttleRate && this.random.chance(this.faults.throttleRate)) return apiError('AF429', method, publisherId);
    if (this.faults.serverErrorRate && this.random.chance(this.faults.serverErrorRate)) return apiError('AF50000');
    return undefined;
  }

  /**
   * Whether a blob answers AF20051 when fetched at `nowMs`: past its contentExpiration, or hit by the
   * expired-blob fault. The API route and the simulator's ground truth share this one rule.
   */
  contentExpired(blob: { contentId: string; contentExpirationMs: number }, nowMs: number): boolean {
    return blob.contentExpirationMs <= nowMs || this.blobExpired(blob.contentId);
  }

  /** Whether this blob answers "expired" (stable per content id, so retries see the same). */
  blobExpired(contentId: string): boolean {
    const rate = this.faults.expiredBlobRate ?? 0;
    if (rate <= 0) return false;
    return seededRandom('expired', contentId).next() < rate;
  }

  /** True while unified audit logging is off or still activating (up to 60 minutes after being turned on). */
  auditLogUnavailable(nowMs: number): boolean {
    if (this.faults.auditLog === 'off') return true;
    const enabledAt = this.faults.auditLogEnabledAt ? Date.parse(this.faults.auditLogEnabledAt) : NaN;
    return !Number.isNaN(enabledAt) && nowMs < enabledAt + 60 * 60_000;
  }
}
