import { normalisedTextKind } from './kind.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Normalises an ISO 8601 date or date-time to Dataverse's UTC form `2016-09-28T22:57:53Z` (whole
 * seconds), so that text order in SQLite is time order. Returns undefined for anything else.
 */
export function normaliseDateTime(text: string): string | undefined {
  const plain = plainUtcDateTime(text);
  if (plain !== undefined) return plain;
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const millis = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(millis)) return undefined;
  const date = new Date(millis);
  // Date.parse rolls 2021-02-31 over to March: refuse dates that do not exist.
  if (offset === 'Z' && date.getUTCDate() !== Number(d)) return undefined;
  return `${date.toISOString().slice(0, 19)}Z`;
}

const PLAIN_UTC = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)Z?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The common case, `2026-11-02T00:03:35` or `...35Z` (what flows write), checked field by field
 * without Date.parse and toISOString (a write of an audit row spent most of its column work there).
 * Anything else, or an impossible day, goes the general way.
 */
function plainUtcDateTime(text: string): string | undefined {
  const match = PLAIN_UTC.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return text.endsWith('Z') ? text : `${text}Z`;
}

function normaliseDateOnly(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const full = normaliseDateTime(text);
  return full?.slice(0, 10);
}

/** Date and time (UTC, `2016-09-28T22:57:53Z`). */
export const dateTimeKind = normalisedTextKind({
  name: 'datetime',
  edmType: 'Edm.DateTimeOffset',
  normalise: normaliseDateTime,
  literalTypes: ['datetime', 'date', 'string'],
});

/** Date only (Edm.Date, `2023-04-07`). */
export const dateKind = normalisedTextKind({ name: 'date', edmType: 'Edm.Date', normalise: normaliseDateOnly, literalTypes: ['date', 'string'] });
