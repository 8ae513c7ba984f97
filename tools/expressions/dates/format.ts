import { dateCulture, type DateCulture } from './culture-dates.js';
import type { Timestamp } from './timestamp.js';

/** The service's default output: .NET round-trip 'o' (7 fraction digits, 'Z' for UTC values). */
export const ROUND_TRIP = 'yyyy-MM-ddTHH:mm:ss.fffffffK';

/** Thrown for a format string .NET would refuse; callers turn it into the function's error. */
export class DateFormatError extends Error {}

function standardPattern(letter: string, culture: DateCulture): string | undefined {
  switch (letter) {
    case 'd':
      return culture.shortDate;
    case 'D':
      return culture.longDate;
    case 'f':
      return `${culture.longDate} ${culture.shortTime}`;
    case 'F':
    case 'U':
      return `${culture.longDate} ${culture.longTime}`;
    case 'g':
      return `${culture.shortDate} ${culture.shortTime}`;
    case 'G':
      return `${culture.shortDate} ${culture.longTime}`;
    case 'm':
    case 'M':
      return culture.monthDay;
    case 'o':
    case 'O':
      return ROUND_TRIP;
    case 'r':
    case 'R':
      return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
    case 's':
      return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
    case 't':
      return culture.shortTime;
    case 'T':
      return culture.longTime;
    case 'u':
      return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
    case 'y':
    case 'Y':
      return culture.yearMonth;
    default:
      return undefined;
  }
}

/** Formats a timestamp with a .NET standard ('D', 'o', 'u'...) or custom ('yyyy-MM-dd HH:mm') format. */
export function formatTimestamp(timestamp: Timestamp, format: string | undefined, locale?: string): string {
  if (format === undefined || format === '') return formatCustom(timestamp, ROUND_TRIP, dateCulture('en-US'));
  const culture = dateCulture(locale);
  if (format.length === 1) {
    // R/r and o/O are culture-invariant.
    const pattern = standardPattern(format, /[oOrRsu]/.test(format) ? dateCulture('en-US') : culture);
    if (pattern === undefined) throw new DateFormatError(`The date format '${format}' is not a valid standard format (expected one of d, D, f, F, g, G, M, o, R, s, t, T, u, U, Y or a custom format).`);
    return formatCustom(timestamp, pattern, /[oOrR]/.test(format) ? dateCulture('en-US') : culture);
  }
  return formatCustom(timestamp, format, culture);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function runLength(format: string, at: number): number {
  let end = at;
  while (format[end] === format[at]) end++;
  return end - at;
}

function formatCustom(timestamp: Timestamp, format: string, culture: DateCulture): string {
  const date = new Date(timestamp.ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const hour = date.getUTCHours();
  const minute = date.getUTCMinutes();
  const second = date.getUTCSeconds();
  const fraction = pad(date.getUTCMilliseconds() * 10_000 + timestamp.subTicks, 7);
  let out = '';
  for (let i = 0; i < format.length; ) {
    const char = format[i]!;
    let n = runLength(format, i);
    switch (char) {
      case 'd':
        out += n === 1 ? String(day) : n === 2 ? pad(day, 2) : n === 3 ? culture.abbreviatedDays[date.getUTCDay()] : culture.days[date.getUTCDay()];
        break;
      case 'M':
        out += n === 1 ? String(month + 1) : n === 2 ? pad(month + 1, 2) : n === 3 ? culture.abbreviatedMonths[month] : culture.months[month];
        break;
      case 'y':
        out += n === 1 ? String(year % 100) : n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'h':
        out += n === 1 ? String(hour % 12 || 12) : pad(hour % 12 || 12, 2);
        break;
      case 'H':
        out += n === 1 ? String(hour) : pad(hour, 2);
        break;
      case 'm':
        out += n === 1 ? String(minute) : pad(minute, 2);
        break;
      case 's':
        out += n === 1 ? String(second) : pad(second, 2);
        break;
      case 'f':
      case 'F': {
        if (n > 7) throw new DateFormatError(`The date format '${format}' has more than 7 '${char}' specifiers.`);
        let digits = fraction.slice(0, n);
        if (char === 'F') digits = digits.replace(/0+$/, '');
        // 'F' drops a preceding '.' when no digit is left, as .NET does.
        if (char === 'F' && digits === '' && out.endsWith('.')) out = out.slice(0, -1);
        out += digits;
        break;
      }
      case 't': {
        const designator = hour < 12 ? culture.am : culture.pm;
        out += n === 1 ? designator.slice(0, 1) : designator;
        break;
      }
      case 'K':
        out += timestamp.kind === 'utc' ? 'Z' : timestamp.kind === 'local' ? '+00:00' : '';
        n = 1;
        break;
      case 'z':
        // The service runs in UTC: the local offset is always zero.
        out += n === 1 ? '+0' : n === 2 ? '+00' : '+00:00';
        break;
      case 'g':
        out += year > 0 ? 'A.D.' : 'B.C.';
        break;
      case ':':
        out += ':';
        n = 1;
        break;
      case '/':
        out += '/';
        n = 1;
        break;
      case "'":
      case '"': {
        const end = format.indexOf(char, i + 1);
        if (end < 0) throw new DateFormatError(`The date format '${format}' has an unterminated quoted string.`);
        out += format.slice(i + 1, end);
        n = end - i + 1;
        break;
      }
      case '%':
        if (i + 1 >= format.length || format[i + 1] === '%') throw new DateFormatError(`The date format '${format}' has a '%' that is not followed by a format specifier.`);
        n = 1;
        break;
      case '\\':
        if (i + 1 >= format.length) throw new DateFormatError(`The date format '${format}' ends with an escape character.`);
        out += format[i + 1];
        n = 2;
        break;
      default:
        out += char;
        n = 1;
    }
    i += n;
  }
  return out;
}
