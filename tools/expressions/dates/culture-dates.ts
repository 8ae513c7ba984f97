import { canonicalLocale } from '../formats/culture.js';

/** Date names and standard patterns of a culture, as .NET's DateTimeFormatInfo holds them. */
export interface DateCulture {
  locale: string;
  months: string[];
  abbreviatedMonths: string[];
  days: string[];
  abbreviatedDays: string[];
  am: string;
  pm: string;
  shortDate: string;
  longDate: string;
  shortTime: string;
  longTime: string;
  monthDay: string;
  yearMonth: string;
}

/** .NET's en-US patterns (the default culture of the service). */
const EN_US_PATTERNS = {
  shortDate: 'M/d/yyyy',
  longDate: 'dddd, MMMM d, yyyy',
  shortTime: 'h:mm tt',
  longTime: 'h:mm:ss tt',
  monthDay: 'MMMM d',
  yearMonth: 'MMMM yyyy',
};

const cultures = new Map<string, DateCulture>();

/** 2018-03-05 04:07:09 UTC, a Monday: day, month and hour below 10 show whether a culture pads them. */
const SAMPLE = Date.UTC(2018, 2, 5, 4, 7, 9);

function names(locale: string, option: Intl.DateTimeFormatOptions, dates: number[]): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...option, timeZone: 'UTC' });
  return dates.map((date) => format.format(date));
}

/** Turns an Intl rendering of SAMPLE into a .NET custom pattern. */
function derivePattern(locale: string, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(SAMPLE);
  const hour12 = options.hour !== undefined && new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hour12 === true;
  return parts
    .map((part) => {
      switch (part.type) {
        case 'weekday':
          return part.value.length > 3 ? 'dddd' : 'ddd';
        case 'day':
          return part.value.length === 2 ? 'dd' : 'd';
        case 'month':
          if (/^\d+$/.test(part.value)) return part.value.length === 2 ? 'MM' : 'M';
          return options.month === 'long' ? 'MMMM' : 'MMM';
        case 'year':
          return part.value.length === 2 ? 'yy' : 'yyyy';
        case 'hour':
          return hour12 ? (part.value.length === 2 ? 'hh' : 'h') : part.value.length === 2 ? 'HH' : 'H';
        case 'minute':
          return 'mm';
        case 'second':
          return 'ss';
        case 'dayPeriod':
          return 'tt';
        default:
          return part.value.replace(/[\u202f\u00a0]/g, ' ').replace(/[A-Za-z]+/g, (word) => `'${word}'`).replace(/[:/]/g, (c) => `'${c}'`);
      }
    })
    .join('');
}

export function dateCulture(locale: string | undefined): DateCulture {
  const name = canonicalLocale(locale);
  let culture = cultures.get(name);
  if (culture) return culture;
  const monthDates = Array.from({ length: 12 }, (_, i) => Date.UTC(2018, i, 15));
  // 2018-01-07 is a Sunday: .NET's day arrays start on Sunday.
  const dayDates = Array.from({ length: 7 }, (_, i) => Date.UTC(2018, 0, 7 + i));
  const periods = new Intl.DateTimeFormat(name, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const period = (ms: number) => periods.formatToParts(ms).find((part) => part.type === 'dayPeriod')?.value ?? '';
  const patterns =
    name === 'en-US'
      ? EN_US_PATTERNS
      : {
          shortDate: derivePattern(name, { day: '2-digit', month: '2-digit', year: 'numeric' }),
          longDate: derivePattern(name, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
          shortTime: derivePattern(name, { hour: 'numeric', minute: '2-digit' }),
          longTime: derivePattern(name, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
          monthDay: derivePattern(name, { day: 'numeric', month: 'long' }),
          yearMonth: derivePattern(name, { month: 'long', year: 'numeric' }),
        };
  culture = {
    locale: name,
    months: names(name, { month: 'long' }, monthDates),
    abbreviatedMonths: names(name, { month: 'short' }, monthDates),
    days: names(name, { weekday: 'long' }, dayDates),
    abbreviatedDays: names(name, { weekday: 'short' }, dayDates),
    am: period(Date.UTC(2018, 0, 1, 9)) || 'AM',
    pm: period(Date.UTC(2018, 0, 1, 15)) || 'PM',
    ...patterns,
  };
  cultures.set(name, culture);
  return culture;
}
