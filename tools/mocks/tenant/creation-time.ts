/**
 * Times as the audit service writes them. Record `CreationTime` is UTC without a zone suffix and
 * without fractions ("2015-06-29T20:03:19", schema doc sample); `contentCreated`/`contentExpiration`
 * carry milliseconds and `Z` ("2015-05-23T17:35:00.000Z", reference sample).
 */
export function formatCreationTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export function formatContentTime(ms: number): string {
  return new Date(ms).toISOString();
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `2026-11-20` for the UTC day holding `ms`. */
export function dayLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
