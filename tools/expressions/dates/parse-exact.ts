import { dateCulture, type DateCulture } from './culture-dates.js';
import { utcMs, inRange, TICKS_PER_MS, type Timestamp, type DateKind } from './timestamp.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(names: readonly string[]): string {
  return [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

interface Capture {
  field: string;
}

/**
 * Parses `text` with a .NET custom date format (DateTime.ParseExact). `lenient` lets 'd'/'dd',
 * 'M'/'MM', 'H'/'HH' take one or two digits (what culture-aware DateTime.Parse does).
 */
export function parseExact(text: string, format: string, locale?: string, lenient = false): Timestamp | undefined {
  const culture = dateCulture(locale);
  const captures: Capture[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; ) {
    const char = format[i]!;
    let n = 1;
    while (format[i + n] === char && /[dMyhHmsfFtzK]/.test(char)) n++;
    const group = (field: string, regex: string) => {
      captures.push({ field });
      pattern += `(${regex})`;
    };
    const digits = (min: number, max: number) => (lenient ? `\\d{1,${Math.max(max, 2)}}` : `\\d{${min},${max}}`);
    switch (char) {
      case 'd':
        if (n <= 2) group('day', n === 1 ? '\\d{1,2}' : digits(2, 2));
        else group('weekday', alternatives(n === 3 ? culture.abbreviatedDays : culture.days));
        break;
      case 'M':
        if (n <= 2) group('month', n === 1 ? '\\d{1,2}' : digits(2, 2));
        else group(n === 3 ? 'monthShort' : 'monthLong', alternatives(n === 3 ? culture.abbreviatedMonths : culture.months));
        break;
      case 'y':
        group(n <= 2 ? 'year2' : 'year', n <= 2 ? '\\d{1,2}' : `\\d{${Math.max(n, 4)}}`);
        break;
      case 'h':
        group('hour12', n === 1 ? '\\d{1,2}' : digits(2, 2));
        break;
      case 'H':
        group('hour', n === 1 ? '\\d{1,2}' : digits(2, 2));
        break;
      case 'm':
        group('minute', n === 1 ? '\\d{1,2}' : digits(2, 2));
        break;
      case 's':
        group('second', n === 1 ? '\\d{1,2}' : digits(2, 2));
        break;
      case 'f':
        group('fraction', `\\d{${n}}`);
        break;
      case 'F':
        group('fraction', `\\d{0,${n}}`);
        break;
      case 't':
        group('meridiem', n === 1 ? `${escapeRegExp(culture.am[0] ?? 'A')}|${escapeRegExp(culture.pm[0] ?? 'P')}` : `${escapeRegExp(culture.am)}|${escapeRegExp(culture.pm)}`);
        break;
      case 'z':
        group('offset', n === 1 ? '[+-]\\d{1,2}' : n === 2 ? '[+-]\\d{2}' : '[+-]\\d{2}:\\d{2}');
        break;
      case 'K':
        group('zone', 'Z|[+-]\\d{2}:\\d{2}|');
        break;
      case "'":
      case '"': {
        const end = format.indexOf(char, i + 1);
        if (end < 0) return undefined;
        pattern += escapeRegExp(format.slice(i + 1, end));
        n = end - i + 1;
        break;
      }
      case '\\':
        pattern += escapeRegExp(format[i + 1] ?? '');
        n = 2;
        break;
      case '%':
        break;
      case ' ':
        pattern += lenient ? '\\s+' : ' ';
        break;
      default:
        pattern += escapeRegExp(char);
    }
    i += n;
  }
  const match = new RegExp(`^\\s*${pattern}\\s*$`, 'i').exec(text);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  captures.forEach((capture, index) => (values[capture.field] = match[index + 1] ?? ''));
  return assemble(values, culture);
}

function findName(names: readonly string[], value: string): number {
  return names.findIndex((name) => name.toLowerCase() === value.toLowerCase());
}

function assemble(values: Record<string, string>, culture: DateCulture): Timestamp | undefined {
  let year = values.year !== undefined ? Number(values.year) : values.year2 !== undefined ? 2000 + Number(values.year2) : 1;
  if (values.year2 !== undefined && Number(values.year2) >= 50) year -= 100; // .NET's two-digit year window (1950-2049)
  let month = values.month !== undefined ? Number(values.month) : 1;
  if (values.monthLong !== undefined) month = findName(culture.months, values.monthLong) + 1;
  if (values.monthShort !== undefined) month = findName(culture.abbreviatedMonths, values.monthShort) + 1;
  const day = values.day !== undefined ? Number(values.day) : 1;
  let hour = values.hour !== undefined ? Number(values.hour) : 0;
  if (values.hour12 !== undefined) {
    hour = Number(values.hour12);
    if (hour < 1 || hour > 12) return undefined;
    hour %= 12;
  }
  if (values.meridiem !== undefined && values.meridiem.toLowerCase().startsWith(culture.pm.toLowerCase().slice(0, 1)) && culture.pm !== culture.am) {
    if (hour < 12) hour += 12;
  }
  const minute = Number(values.minute ?? 0);
  const second = Number(values.second ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = utcMs(year, month, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day) return undefined;
  const ticks = Number(((values.fraction ?? '') + '0000000').slice(0, 7));
  ms += Math.floor(ticks / TICKS_PER_MS);
  let kind: DateKind = 'unspecified';
  const zone = values.zone ?? values.offset;
  if (zone === 'Z' || zone === 'z') kind = 'utc';
  else if (zone) {
    const m = /^([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zone);
    if (!m) return undefined;
    ms -= (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 * (m[1] === '-' ? -1 : 1);
    kind = 'local';
  }
  if (!inRange(ms)) return undefined;
  return { ms, subTicks: ticks % TICKS_PER_MS, kind };
}

/** Parses a timestamp written in a culture's usual date (and time) patterns. */
export function parseCultural(text: string, locale: string): Timestamp | undefined {
  const culture = dateCulture(locale);
  const patterns = [
    culture.shortDate,
    `${culture.shortDate} ${culture.longTime}`,
    `${culture.shortDate} ${culture.shortTime}`,
    culture.longDate,
    `${culture.longDate} ${culture.longTime}`,
    `${culture.longDate} ${culture.shortTime}`,
    culture.monthDay.includes('y') ? culture.monthDay : `${culture.monthDay} yyyy`,
  ];
  for (const pattern of patterns) {
    const parsed = parseExact(text, pattern, locale, true);
    if (parsed) return parsed;
  }
  return parseLenient(text, locale);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '').toLowerCase();
}

/**
 * Lenient culture-aware parsing, as .NET's DateTime.Parse does it: words are month or day names of
 * the culture (or filler such as 'de'), numbers are day, month and year in the culture's order,
 * `h:mm[:ss]` is the time. "martes 20 octubre 2020" in es-ES, "15 décembre 2019" in fr-FR.
 */
export function parseLenient(text: string, locale: string): Timestamp | undefined {
  const culture = dateCulture(locale);
  const months = culture.months.map(fold);
  const shortMonths = culture.abbreviatedMonths.map(fold);
  const days = [...culture.days, ...culture.abbreviatedDays].map(fold);
  let month: number | undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let meridiem: 'am' | 'pm' | undefined;
  const numbers: string[] = [];
  const tokens = text.match(/\d{1,2}:\d{2}(?::\d{2})?|\d+|[^\s\d.,/\-:]+/gu) ?? [];
  for (const token of tokens) {
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(token);
    if (time) {
      hour = Number(time[1]);
      minute = Number(time[2]);
      second = Number(time[3] ?? 0);
      continue;
    }
    if (/^\d+$/.test(token)) {
      numbers.push(token);
      continue;
    }
    const word = fold(token);
    const monthIndex = months.indexOf(word) >= 0 ? months.indexOf(word) : shortMonths.indexOf(word);
    if (monthIndex >= 0) {
      month = monthIndex + 1;
      continue;
    }
    if (days.includes(word)) continue;
    if (word === fold(culture.am) || word === 'am') meridiem = 'am';
    else if (word === fold(culture.pm) || word === 'pm') meridiem = 'pm';
    else if (word.length > 3) return undefined; // short filler words ('de', 'of', 'le') are allowed
  }
  let day: number;
  let year: number;
  if (month !== undefined) {
    if (numbers.length !== 2) return undefined;
    const [a, b] = numbers as [string, string];
    [day, year] = a.length === 4 ? [Number(b), Number(a)] : [Number(a), Number(b)];
  } else {
    if (numbers.length !== 3) return undefined;
    const order = culture.shortDate.replace(/[^dMy]/g, '').replace(/(.)\1+/g, '$1');
    const values: Record<string, number> = {};
    const fields = numbers[0]!.length === 4 ? 'yMd' : order.length === 3 ? order : 'Mdy';
    [...fields].forEach((field, i) => (values[field] = Number(numbers[i])));
    day = values.d!;
    month = values.M!;
    year = values.y!;
  }
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = utcMs(year, month, day, hour, minute, second);
  if (new Date(ms).getUTCDate() !== day || !inRange(ms)) return undefined;
  return { ms, subTicks: 0, kind: 'unspecified' };
}
