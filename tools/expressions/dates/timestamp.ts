/**
 * Timestamps as .NET DateTime sees them: a wall-clock time with 100-ns precision and a kind
 * (`utc` for 'Z' inputs, `local` for inputs with an offset, converted to the server's zone which
 * is UTC in the service, `unspecified` for inputs without zone). The kind decides the 'K' suffix:
 * 'Z', '+00:00' or nothing.
 */
export type DateKind = 'utc' | 'local' | 'unspecified';

export interface Timestamp {
  /** Milliseconds since 1970-01-01 of the wall-clock time, read as if it were UTC. */
  ms: number;
  /** 100-ns ticks beyond `ms` (0..9999): the 5th to 7th fraction digits. */
  subTicks: number;
  kind: DateKind;
}

export const TICKS_PER_MS = 10_000;
/** Ticks from 0001-01-01 to 1970-01-01. */
export const EPOCH_TICKS = 621_355_968_000_000_000n;
const YEAR_ONE_MS = (() => {
  const date = new Date(0);
  date.setUTCFullYear(1, 0, 1);
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
})();
const YEAR_10000_MS = Date.UTC(10000, 0, 1);

export function inRange(ms: number): boolean {
  return ms >= YEAR_ONE_MS && ms < YEAR_10000_MS;
}

/** Date.UTC that takes years 0..99 literally (Date.UTC maps them to 1900..1999). */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

export function fromDate(date: Date, kind: DateKind = 'utc'): Timestamp {
  return { ms: date.getTime(), subTicks: 0, kind };
}

/** Ticks since 0001-01-01 as .NET counts them. */
export function toTicks(timestamp: Timestamp): bigint {
  return EPOCH_TICKS + BigInt(timestamp.ms) * 10_000n + BigInt(timestamp.subTicks);
}

export function fromTicks(ticks: bigint, kind: DateKind): Timestamp {
  const sinceEpoch = ticks - EPOCH_TICKS;
  let ms = sinceEpoch / 10_000n;
  let sub = sinceEpoch % 10_000n;
  if (sub < 0n) {
    sub += 10_000n;
    ms -= 1n;
  }
  return { ms: Number(ms), subTicks: Number(sub), kind };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthFromName(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AP]M)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*([AP]M)?)?\s*(Z)?$/i;
const TIME_PART = '(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?\\s*([AP]M)?)?\\s*(Z|GMT|UTC|[+-]\\d{2}:?\\d{2})?';
/** "Thu, 15 Mar 2018 13:00:00 GMT", "15 March 2018", "March 15, 2018 1:00 PM" */
const DAY_MONTH_YEAR = new RegExp(`^(?:[A-Za-z]+,?\\s+)?(\\d{1,2})\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})${TIME_PART}$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^(?:[A-Za-z]+,?\\s+)?([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})${TIME_PART}$`, 'i');

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  meridiem?: string;
  zone?: string;
}

function build(fields: Fields): Timestamp | undefined {
  let { hour } = fields;
  const { year, month, day, minute, second } = fields;
  if (fields.meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = fields.meridiem.toUpperCase() === 'PM';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = utcMs(year, month, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day) return undefined; // 31 April
  const fraction = (fields.fraction + '0000000').slice(0, 7);
  const ticks = Number(fraction);
  ms += Math.floor(ticks / TICKS_PER_MS);
  const subTicks = ticks % TICKS_PER_MS;
  let kind: DateKind = 'unspecified';
  const zone = fields.zone?.toUpperCase();
  if (zone === 'Z' || zone === 'GMT' || zone === 'UTC') kind = 'utc';
  else if (zone) {
    const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!match) return undefined;
    const offset = (Number(match[2]) * 60 + Number(match[3] ?? 0)) * (match[1] === '-' ? -1 : 1);
    if (offset > 14 * 60 || offset < -14 * 60) return undefined;
    ms -= offset * 60_000;
    kind = 'local';
  }
  if (!inRange(ms)) return undefined;
  return { ms, subTicks, kind };
}

/**
 * Parses a timestamp the way the service's DateTime.Parse accepts them: ISO 8601 with or without
 * fraction and offset, US-style M/d/yyyy [h:mm[:ss] [AM|PM]], yyyy/MM/dd, RFC 1123 and
 * "March 15, 2018" / "15 March 2018". Returns undefined when the text is not a timestamp.
 */
export function parseTimestamp(text: string): Timestamp | undefined {
  const value = text.trim();
  const iso = parseIso(value);
  if (iso) return iso;
  let m = SLASHED_US.exec(value);
  if (m) return build({ year: +m[3]!, month: +m[1]!, day: +m[2]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), fraction: m[7] ?? '', meridiem: m[8], zone: m[9] });
  m = SLASHED_YMD.exec(value);
  if (m) return build({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), fraction: m[7] ?? '', meridiem: m[8], zone: m[9] });
  m = DAY_MONTH_YEAR.exec(value);
  if (m) {
    const month = monthFromName(m[2]!);
    if (month === undefined) return undefined;
    return build({ year: +m[3]!, month, day: +m[1]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), fraction: m[7] ?? '', meridiem: m[8], zone: m[9] });
  }
  m = MONTH_DAY_YEAR.exec(value);
  if (m) {
    const month = monthFromName(m[1]!);
    if (month === undefined) return undefined;
    return build({ year: +m[3]!, month, day: +m[2]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), fraction: m[7] ?? '', meridiem: m[8], zone: m[9] });
  }
  return undefined;
}

/** ISO 8601 only: 2018-03-15, 2018-03-15T13:00, 2018-03-15T13:00:00.1234567+02:00. */
export function parseIso(text: string): Timestamp | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  return build({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), fraction: m[7] ?? '', zone: m[8] });
}

export type TimeUnit = 'Second' | 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month' | 'Year';
export const TIME_UNITS: readonly TimeUnit[] = ['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month', 'Year'];

export function parseTimeUnit(text: string): TimeUnit | undefined {
  const lower = text.toLowerCase().replace(/s$/, '');
  return TIME_UNITS.find((unit) => unit.toLowerCase() === lower);
}

const UNIT_MS: Record<string, number> = { Second: 1000, Minute: 60_000, Hour: 3_600_000, Day: 86_400_000, Week: 604_800_000 };

/** Adds `amount` units; months and years clamp the day to the month's end as DateTime.AddMonths does. */
export function addToTimestamp(timestamp: Timestamp, amount: number, unit: TimeUnit): Timestamp | undefined {
  let ms: number;
  let subTicks = timestamp.subTicks;
  if (unit === 'Month' || unit === 'Year') {
    const months = Math.trunc(amount) * (unit === 'Year' ? 12 : 1);
    const date = new Date(timestamp.ms);
    const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const lastDay = new Date(utcMs(year, month + 1, 1) - 86_400_000).getUTCDate();
    ms = utcMs(year, month, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  } else {
    // DateTime.AddDays(double) rounds the added amount to whole milliseconds.
    const delta = amount * UNIT_MS[unit]!;
    ms = timestamp.ms + Math.round(delta);
  }
  if (!inRange(ms)) return undefined;
  return { ms, subTicks, kind: timestamp.kind };
}
