import { findIana } from 'windows-iana';

/** IANA zone for a Windows time zone id (`Pacific Standard Time`), as Recurrence `timeZone` uses; IANA ids pass through. */
export function ianaZone(timeZone: string | undefined): string {
  if (!timeZone || /^(UTC|Coordinated Universal Time|GMT Standard Time_UTC)$/i.test(timeZone)) return 'UTC';
  const found = findIana(timeZone)?.[0];
  if (found) return found;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (expected a Windows time zone id such as "W. Europe Standard Time")`);
  }
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` at UTC instant `ms`. */
export function wallTimeAt(ms: number, zone: string): WallTime {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year as number, month: parts.month as number, day: parts.day as number, hour: (parts.hour as number) % 24, minute: parts.minute as number, second: parts.second as number };
}

/** Offset of `zone` from UTC at instant `ms`, in ms (CET: +3600000). */
function offsetAt(ms: number, zone: string): number {
  const wall = wallTimeAt(ms, zone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - (ms - (ms % 1000 + 1000) % 1000);
}

/**
 * The UTC instant of a wall-clock time in `zone`. In a DST overlap the first (earlier) instant is
 * taken; a time inside a DST gap (02:30 on a spring-forward night) moves forward by the gap, as
 * .NET's time zone conversion does.
 */
export function utcOfWallTime(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone === 'UTC') return asUtc;
  const before = offsetAt(asUtc - 43_200_000, zone);
  const after = offsetAt(asUtc + 43_200_000, zone);
  const candidates = [...new Set([asUtc - Math.max(before, after), asUtc - Math.min(before, after)])];
  for (const candidate of candidates) {
    const seen = wallTimeAt(candidate, zone);
    if (seen.hour === wall.hour && seen.minute === wall.minute && seen.day === wall.day) return candidate;
  }
  // In the gap: the wall time does not exist; keep the offset from before the change.
  return asUtc - before;
}
