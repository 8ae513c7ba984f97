import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/**
 * Windows time-zone names ('Pacific Standard Time'), as the service's convertTimeZone & co. take
 * them, mapped to IANA zones through the CLDR mapping of `windows-iana`, with offsets from the
 * platform's Intl time-zone data.
 */
const windowsToIana = new Map<string, string>();
for (const entry of WINDOWS_TO_IANA_MAP as readonly { windowsName: string; territory: string; iana: readonly string[] }[]) {
  const key = entry.windowsName.toLowerCase();
  // The '001' territory holds the zone's primary IANA name.
  if (entry.territory === '001' || !windowsToIana.has(key)) {
    if (entry.iana[0]) windowsToIana.set(key, entry.iana[0]);
  }
}
// .NET accepts 'UTC' as the id of Coordinated Universal Time.
windowsToIana.set('utc', 'Etc/UTC');
windowsToIana.set('coordinated universal time', 'Etc/UTC');

/** The IANA zone for a Windows time-zone name (case-insensitive), or undefined. */
export function ianaForWindowsZone(name: string): string | undefined {
  return windowsToIana.get(name.trim().toLowerCase());
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC at the UTC instant `utcMs`, in milliseconds. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(whole);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const era = parts.find((part) => part.type === 'era')?.value;
  let year = get('year');
  if (era && /^B/i.test(era)) year = 1 - year;
  const date = new Date(0);
  date.setUTCFullYear(year, get('month') - 1, get('day'));
  date.setUTCHours(get('hour'), get('minute'), get('second'), 0);
  return date.getTime() - whole;
}

/** Wall-clock time in `zone` of a UTC instant (both as ms since epoch). */
export function utcToZone(zone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(zone, utcMs);
}

/**
 * UTC instant of a wall-clock time in `zone`. In a DST gap or overlap it picks the offset in force
 * before the transition, as .NET's TimeZoneInfo does for ambiguous times (standard time).
 */
export function zoneToUtc(zone: string, wallMs: number): number {
  let guess = wallMs - zoneOffsetMs(zone, wallMs);
  const offset = zoneOffsetMs(zone, guess);
  guess = wallMs - offset;
  const second = zoneOffsetMs(zone, guess);
  return second === offset ? guess : wallMs - Math.min(offset, second);
}
