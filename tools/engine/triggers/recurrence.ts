import type { RecurrenceDefinition } from '../definition/types.js';
import { ianaZone, utcOfWallTime, wallTimeAt, type WallTime } from './time-zone.js';

const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };
const WEEK_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/**
 * The times a Recurrence trigger fires in [from, to), as Logic Apps schedules them:
 * - every `interval` `frequency` from `startTime` (a past startTime is used to compute the next
 *   occurrence; without one the first run is at `from`, immediately);
 * - with `timeZone`, startTime is a wall-clock time there and days/weeks/months step on the local
 *   calendar (DST-aware);
 * - `schedule` (Day/Week only) fires at every `hours` x `minutes` (defaults: startTime's) on each
 *   scheduled day (`weekDays` for Week).
 */
export function recurrenceTimes(recurrence: RecurrenceDefinition, from: number, to: number, limit = 1_000_000): number[] {
  const frequency = String(recurrence.frequency).toLowerCase();
  const interval = Number(recurrence.interval ?? 1);
  if (!Number.isInteger(interval) || interval < 1) throw new RangeError(`recurrence interval must be a positive integer, got ${String(recurrence.interval)}`);
  const zone = ianaZone(recurrence.timeZone);
  const start = startInstant(recurrence, zone, from);
  const end = recurrence.endTime ? Math.min(to, parseInZone(recurrence.endTime, zone)) : to;
  const times: number[] = [];
  const push = (t: number) => {
    if (t >= from && t < end && t >= start && times.length < limit) times.push(t);
  };
  if (UNIT_MS[frequency] !== undefined) {
    const step = interval * (UNIT_MS[frequency] as number);
    let k = Math.max(0, Math.ceil((from - start) / step));
    for (let t = start + k * step; t < end && times.length < limit; t = start + ++k * step) push(t);
    return times;
  }
  const base = wallTimeAt(start, zone);
  const schedule = recurrence.schedule;
  const hasSchedule = (frequency === 'day' || frequency === 'week') && schedule && (schedule.hours?.length || schedule.minutes?.length || schedule.weekDays?.length);
  const hours = hasSchedule && schedule?.hours?.length ? [...schedule.hours].sort((a, b) => a - b) : [base.hour];
  const minutes = hasSchedule && schedule?.minutes?.length ? [...schedule.minutes].sort((a, b) => a - b) : [base.minute];
  const second = hasSchedule ? 0 : base.second;
  const days = frequency === 'week' && schedule?.weekDays?.length ? schedule.weekDays.map((d) => WEEK_DAYS.indexOf(d.toLowerCase())).filter((d) => d >= 0) : undefined;
  for (let period = periodsBefore(frequency, interval, base, from, zone); ; period++) {
    const periodStart = addCalendar(base, frequency, period * interval);
    if (utcOfWallTime({ ...periodStart, hour: 0, minute: 0, second: 0 }, zone) >= end + 86_400_000 || times.length >= limit) break;
    const dayOffsets = frequency === 'week' ? (days ? weekOffsets(periodStart, days) : [0]) : [0];
    for (const offset of dayOffsets) {
      const day = addCalendar(periodStart, 'day', offset);
      for (const hour of hours) for (const minute of minutes) push(utcOfWallTime({ ...day, hour, minute, second }, zone));
    }
  }
  return times.sort((a, b) => a - b);
}

/** Days from periodStart to each scheduled week day in the same week (weeks start on the start's day). */
function weekOffsets(periodStart: WallTime, days: number[]): number[] {
  const weekday = new Date(Date.UTC(periodStart.year, periodStart.month - 1, periodStart.day)).getUTCDay();
  return [...new Set(days.map((d) => (d - weekday + 7) % 7))].sort((a, b) => a - b);
}

function periodsBefore(frequency: string, interval: number, base: WallTime, from: number, zone: string): number {
  const startMs = utcOfWallTime(base, zone);
  if (from <= startMs) return 0;
  const approx = frequency === 'month' ? 30 * 86_400_000 : frequency === 'week' ? 7 * 86_400_000 : 86_400_000;
  return Math.max(0, Math.floor((from - startMs) / (approx * interval)) - 2);
}

function addCalendar(wall: WallTime, frequency: string, amount: number): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (frequency === 'month') {
    const day = wall.day;
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + amount);
    const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, lastDay));
  } else {
    date.setUTCDate(date.getUTCDate() + amount * (frequency === 'week' ? 7 : 1));
  }
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
}

function startInstant(recurrence: RecurrenceDefinition, zone: string, from: number): number {
  if (!recurrence.startTime) return from;
  return parseInZone(recurrence.startTime, zone);
}

/** A startTime with an offset or Z is absolute; without one it is a wall time in `zone`. */
function parseInZone(text: string, zone: string): number {
  if (/(Z|[+-]\d\d:?\d\d)$/i.test(text.trim())) {
    const ms = Date.parse(text);
    if (!Number.isFinite(ms)) throw new RangeError(`not a valid time: ${text}`);
    return ms;
  }
  const match = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?/.exec(text.trim());
  if (!match) throw new RangeError(`not a valid time: ${text}`);
  const [, y, mo, d, h, mi, s] = match;
  return utcOfWallTime({ year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) }, zone);
}
