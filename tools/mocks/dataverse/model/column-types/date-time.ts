import { normalisedTextKind } from './kind.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Normalises an ISO 8601 date or date-time to Dataverse's UTC form `2016-09-28T22:57:53Z` (whole
 * seconds), so that text order in SQLite is time order. Returns undefined for anything else.
 */
export function normaliseDateTime(text: string): string | undefined {
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
