import { cannotConvert, type ColumnKind } from './kind.js';

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
export const dateTimeKind: ColumnKind = {
  name: 'datetime',
  edmType: 'Edm.DateTimeOffset',
  sqlType: 'TEXT',
  toStorage(value) {
    if (value === null) return null;
    const normal = typeof value === 'string' ? normaliseDateTime(value) : undefined;
    if (normal === undefined) throw cannotConvert(value, 'Edm.DateTimeOffset');
    return normal;
  },
  fromStorage: (value) => value,
  fromLiteral: (literal) =>
    literal.type === 'datetime' || literal.type === 'date' || literal.type === 'string' ? normaliseDateTime(String(literal.value)) : undefined,
};

/** Date only (Edm.Date, `2023-04-07`). */
export const dateKind: ColumnKind = {
  name: 'date',
  edmType: 'Edm.Date',
  sqlType: 'TEXT',
  toStorage(value) {
    if (value === null) return null;
    const normal = typeof value === 'string' ? normaliseDateOnly(value) : undefined;
    if (normal === undefined) throw cannotConvert(value, 'Edm.Date');
    return normal;
  },
  fromStorage: (value) => value,
  fromLiteral: (literal) => (literal.type === 'date' || literal.type === 'string' ? normaliseDateOnly(String(literal.value)) : undefined),
};
