import { createHmac, timingSafeEqual } from 'node:crypto';
import { fail } from './errors.js';

/**
 * Opaque nextPage tokens: the position (contentCreated, content id) of the first item of the next
 * page, signed so a forged or mangled token is refused with AF20031 as the service does.
 */
export interface PagePosition {
  createdMs: number;
  contentId: string;
}

export function encodePageToken(position: PagePosition, key: Buffer): string {
  const payload = Buffer.from(`${position.createdMs}|${position.contentId}`).toString('base64url');
  const mac = createHmac('sha256', key).update(payload).digest('base64url').slice(0, 16);
  return `${payload}.${mac}`;
}

export function decodePageToken(token: string, key: Buffer): PagePosition {
  const [payload, mac] = token.split('.');
  if (!payload || !mac) fail('AF20031', token);
  const expected = createHmac('sha256', key).update(payload).digest('base64url').slice(0, 16);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) fail('AF20031', token);
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  const at = text.indexOf('|');
  const createdMs = Number(text.slice(0, at));
  if (at < 0 || !Number.isFinite(createdMs)) fail('AF20031', token);
  return { createdMs, contentId: text.slice(at + 1) };
}

/** Items at or after `position` in a list sorted by (createdMs, contentId). */
export function startIndex<T>(items: readonly T[], position: PagePosition, key: (item: T) => PagePosition): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(items[mid]!);
    if (k.createdMs < position.createdMs || (k.createdMs === position.createdMs && k.contentId < position.contentId)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
