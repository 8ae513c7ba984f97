import { DAY_MS, HOUR_MS } from '../tenant/index.js';
import { fail } from './errors.js';

/**
 * Parses startTime/endTime values. The service documents `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` and
 * `YYYY-MM-DDTHH:MM:SS` (UTC); clients also send fractions and `Z` or an offset, which it accepts.
 */
export function parseApiTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  const check = new Date(ms);
  if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export interface ListWindow {
  fromMs: number;
  toMs: number;
  /** Whether the caller gave the times (NextPageUri repeats them either way). */
  explicit: boolean;
}

/**
 * The documented rules: both times or neither (neither = the last 24 hours), start before end,
 * at most 24 hours apart, start no more than 7 days in the past. Violations are AF20055.
 */
export function listWindow(startTime: string | undefined, endTime: string | undefined, nowMs: number): ListWindow {
  if (startTime === undefined && endTime === undefined) return { fromMs: nowMs - DAY_MS, toMs: nowMs, explicit: false };
  if (startTime === undefined || endTime === undefined) fail('AF20055');
  const fromMs = parseApiTime(startTime);
  if (fromMs === undefined) fail('AF20002', 'startTime', 'datetime');
  const toMs = parseApiTime(endTime);
  if (toMs === undefined) fail('AF20002', 'endTime', 'datetime');
  if (toMs <= fromMs || toMs - fromMs > 24 * HOUR_MS || fromMs < nowMs - 7 * DAY_MS) fail('AF20055');
  return { fromMs, toMs, explicit: true };
}
