import type { EvaluationContext } from '../context.js';
import { WorkflowExpressionError, invalidParameter } from '../errors.js';
import { DateFormatError, formatTimestamp } from '../dates/format.js';
import { parseCultural, parseExact } from '../dates/parse-exact.js';
import { ianaForWindowsZone, utcToZone, zoneToUtc } from '../dates/time-zones.js';
import { parseIso as parseTimestampIso, addToTimestamp, fromDate, inRange, parseTimeUnit, parseTimestamp, toTicks, utcMs, type DateKind, type TimeUnit, type Timestamp } from '../dates/timestamp.js';
import { INTEGER, NUMBER, STRING, integerArg, localeArg, numberArg, optionalStringArg, stringArg, type FunctionDescriptor } from './descriptor.js';

const category = 'date-time';

function timestampArg(fn: string, args: readonly unknown[], index: number): Timestamp {
  const text = stringArg(fn, args, index);
  const parsed = parseTimestamp(text);
  if (!parsed) {
    throw new WorkflowExpressionError(`In function '${fn}', the value provided for date time string '${text}' was not valid. The datetime string must match ISO 8601 format.`, fn);
  }
  return parsed;
}

/** Formats the result with the optional format argument at `formatIndex` (default: round-trip 'o'). */
function output(fn: string, timestamp: Timestamp, args: readonly unknown[], formatIndex: number, locale?: string): string {
  const format = optionalStringArg(fn, args, formatIndex);
  try {
    return formatTimestamp(timestamp, format, locale);
  } catch (error) {
    if (error instanceof DateFormatError) throw invalidParameter(fn, error.message);
    throw error;
  }
}

function unitArg(fn: string, args: readonly unknown[], index: number): TimeUnit {
  const text = stringArg(fn, args, index);
  const unit = parseTimeUnit(text);
  if (!unit) throw invalidParameter(fn, `The time unit '${text}' is not valid: expected Second, Minute, Hour, Day, Week, Month or Year.`);
  return unit;
}

function zoneArg(fn: string, args: readonly unknown[], index: number): string {
  const name = stringArg(fn, args, index);
  const zone = ianaForWindowsZone(name);
  if (!zone) throw invalidParameter(fn, `The time zone '${name}' could not be found: expected a Windows time zone name such as 'Pacific Standard Time' or 'W. Europe Standard Time'.`);
  return zone;
}

function add(fn: string, timestamp: Timestamp, amount: number, unit: TimeUnit): Timestamp {
  const result = addToTimestamp(timestamp, amount, unit);
  if (!result) throw invalidParameter(fn, 'The resulting date is outside the range 0001-01-01 to 9999-12-31.');
  return result;
}

function adder(name: string, unit: TimeUnit): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [STRING, NUMBER, STRING],
    returns: STRING,
    evaluate: (args, _ctx, call) => output(call.name, add(call.name, timestampArg(call.name, args, 0), numberArg(call.name, args, 1), unit), args, 2),
  };
}

function now(ctx: EvaluationContext): Timestamp {
  return fromDate(ctx.now(), 'utc');
}

function relative(name: string, sign: 1 | -1): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [INTEGER, STRING, STRING],
    returns: STRING,
    volatile: true,
    evaluate: (args, ctx, call) => output(call.name, add(call.name, now(ctx), sign * integerArg(call.name, args, 0), unitArg(call.name, args, 1)), args, 2),
  };
}

function startOf(name: string, truncate: (date: Date) => number): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 1,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const timestamp = timestampArg(call.name, args, 0);
      return output(call.name, { ms: truncate(new Date(timestamp.ms)), subTicks: 0, kind: timestamp.kind }, args, 1);
    },
  };
}

function datePart(name: string, read: (date: Date) => number): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [STRING],
    returns: INTEGER,
    evaluate: (args, _ctx, call) => read(new Date(timestampArg(call.name, args, 0).ms)),
  };
}

/** A .NET TimeSpan's default text: [-][d.]hh:mm:ss[.fffffff] */
function timeSpanText(ticks: bigint): string {
  const negative = ticks < 0n;
  let rest = negative ? -ticks : ticks;
  const fraction = rest % 10_000_000n;
  rest /= 10_000_000n;
  const seconds = rest % 60n;
  rest /= 60n;
  const minutes = rest % 60n;
  rest /= 60n;
  const hours = rest % 24n;
  const days = rest / 24n;
  const two = (value: bigint) => value.toString().padStart(2, '0');
  return `${negative ? '-' : ''}${days > 0n ? `${days}.` : ''}${two(hours)}:${two(minutes)}:${two(seconds)}${fraction > 0n ? `.${fraction.toString().padStart(7, '0')}` : ''}`;
}

function withKind(ms: number, kind: DateKind, subTicks: number, fn: string): Timestamp {
  if (!inRange(ms)) throw invalidParameter(fn, 'The resulting date is outside the range 0001-01-01 to 9999-12-31.');
  return { ms, subTicks, kind };
}

export const dateTimeFunctions: FunctionDescriptor[] = [
  adder('addDays', 'Day'),
  adder('addHours', 'Hour'),
  adder('addMinutes', 'Minute'),
  adder('addSeconds', 'Second'),
  {
    name: 'addToTime',
    category,
    minArgs: 3,
    maxArgs: 4,
    argTypes: [STRING, INTEGER, STRING, STRING],
    returns: STRING,
    evaluate: (args, _ctx, call) =>
      output(call.name, add(call.name, timestampArg(call.name, args, 0), integerArg(call.name, args, 1), unitArg(call.name, args, 2)), args, 3),
  },
  {
    name: 'subtractFromTime',
    category,
    minArgs: 3,
    maxArgs: 4,
    argTypes: [STRING, INTEGER, STRING, STRING],
    returns: STRING,
    evaluate: (args, _ctx, call) =>
      output(call.name, add(call.name, timestampArg(call.name, args, 0), -integerArg(call.name, args, 1), unitArg(call.name, args, 2)), args, 3),
  },
  relative('getFutureTime', 1),
  relative('getPastTime', -1),
  {
    name: 'convertFromUtc',
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [STRING, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const timestamp = timestampArg(call.name, args, 0);
      const zone = zoneArg(call.name, args, 1);
      return output(call.name, withKind(utcToZone(zone, timestamp.ms), 'unspecified', timestamp.subTicks, call.name), args, 2);
    },
  },
  {
    name: 'convertToUtc',
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [STRING, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const timestamp = timestampArg(call.name, args, 0);
      const zone = zoneArg(call.name, args, 1);
      // A value already in UTC (or with an offset) is an instant: only wall-clock values are moved.
      const utc = timestamp.kind === 'unspecified' ? zoneToUtc(zone, timestamp.ms) : timestamp.ms;
      return output(call.name, withKind(utc, 'utc', timestamp.subTicks, call.name), args, 2);
    },
  },
  {
    name: 'convertTimeZone',
    category,
    minArgs: 3,
    maxArgs: 4,
    argTypes: [STRING, STRING, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const timestamp = timestampArg(call.name, args, 0);
      const source = zoneArg(call.name, args, 1);
      const target = zoneArg(call.name, args, 2);
      const utc = timestamp.kind === 'unspecified' ? zoneToUtc(source, timestamp.ms) : timestamp.ms;
      const kind: DateKind = target === 'Etc/UTC' ? 'utc' : 'unspecified';
      return output(call.name, withKind(utcToZone(target, utc), kind, timestamp.subTicks, call.name), args, 3);
    },
  },
  {
    name: 'dateDifference',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: STRING,
    evaluate: (args, _ctx, call) => timeSpanText(toTicks(timestampArg(call.name, args, 1)) - toTicks(timestampArg(call.name, args, 0))),
  },
  datePart('dayOfMonth', (date) => date.getUTCDate()),
  datePart('dayOfWeek', (date) => date.getUTCDay()),
  datePart('dayOfYear', (date) => Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - utcMs(date.getUTCFullYear(), 1, 1)) / 86_400_000) + 1),
  {
    name: 'formatDateTime',
    category,
    minArgs: 1,
    maxArgs: 3,
    argTypes: [STRING, STRING, STRING],
    returns: STRING,
    evaluate: (args, _ctx, call) => output(call.name, timestampArg(call.name, args, 0), args, 1, localeArg(call.name, args, 2)),
  },
  {
    name: 'parseDateTime',
    category,
    minArgs: 1,
    maxArgs: 3,
    argTypes: [STRING, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const locale = localeArg(call.name, args, 1);
      const format = optionalStringArg(call.name, args, 2);
      // Without a format: ISO 8601 first, then the culture's patterns (en-US by default).
      const parsed = format !== undefined ? parseExact(text, format, locale) : parseTimestampIso(text) ?? parseCultural(text, locale ?? 'en-US') ?? parseTimestamp(text);
      if (!parsed) {
        throw invalidParameter(call.name, `The value '${text}' could not be parsed as a date${format !== undefined ? ` with the format '${format}'` : ''}${locale ? ` in the culture '${locale}'` : ''}.`);
      }
      return formatTimestamp(parsed, undefined);
    },
  },
  startOf('startOfDay', (date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + yearFix(date)),
  startOf('startOfHour', (date) => Math.floor(date.getTime() / 3_600_000) * 3_600_000),
  startOf('startOfMonth', (date) => utcMs(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)),
  {
    name: 'ticks',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [STRING],
    returns: INTEGER,
    // Ticks exceed 2^53: the value is exact up to the precision of a JSON number.
    evaluate: (args, _ctx, call) => Number(toTicks(timestampArg(call.name, args, 0))),
  },
  {
    name: 'utcNow',
    category,
    minArgs: 0,
    maxArgs: 1,
    argTypes: [STRING],
    returns: STRING,
    volatile: true,
    evaluate: (args, ctx, call) => output(call.name, now(ctx), args, 0),
  },
];

/** Date.UTC maps years 0-99 to 1900-1999; startOfDay on such years must not jump centuries. */
function yearFix(date: Date): number {
  const year = date.getUTCFullYear();
  return year < 100 ? utcMs(year, 1, 1) - Date.UTC(year, 0, 1) : 0;
}

