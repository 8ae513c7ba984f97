import { buildCatalog, pickWeighted, type TenantApp, type TenantCatalog, type TenantUser } from './catalog.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, dayLabel } from './creation-time.js';
import type { ResolvedTenantOptions } from './options.js';
import { seededRandom, type Random } from './random.js';
import { clientIp, type AuditRecord, type ContentType } from './records/audit-record.js';
import { WORKLOAD_KINDS } from './records/other-workloads.js';
import { powerAppsRecord, type PowerAppsOperation } from './records/power-apps.js';
import { expectedEventsInHour } from './rhythm.js';

/** One audit event and when the service makes it available (twice when the pipeline duplicated it). */
export interface ActivityEntry {
  record: AuditRecord;
  contentType: ContentType;
  eventMs: number;
  availableAtMs: number[];
}

/** The longest lag between an event and its availability, so blob days know how far back to look. */
export const MAX_AVAILABILITY_LAG_MS = 36 * HOUR_MS;

export function tenantCatalog(options: ResolvedTenantOptions): TenantCatalog {
  return buildCatalog(seededRandom(options.seed, 'catalog'), options.tenantId, options.domain, options);
}

/** Availability lag: most content lands 20–90 min after the event, late arrivals 3–30 h. */
function availabilityLag(random: Random, lateRate: number): number {
  if (random.chance(lateRate)) return 3 * HOUR_MS + Math.floor(random.next() * 27 * HOUR_MS);
  return 20 * MINUTE_MS + Math.floor(random.next() * 70 * MINUTE_MS);
}

/** Every event of the UTC day starting at `dayStartMs`, from the seed and that day only. */
export function generateDay(options: ResolvedTenantOptions, catalog: TenantCatalog, dayStartMs: number): ActivityEntry[] {
  const steps = generateDaySteps(options, catalog, dayStartMs);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same events, an hour of the day per step (the same draws in the same order), so that a
 * server can build a day ahead between requests instead of in one long stretch.
 */
export function* generateDaySteps(options: ResolvedTenantOptions, catalog: TenantCatalog, dayStartMs: number): Generator<void, ActivityEntry[]> {
  const activityStartMs = Date.parse(options.activityStart);
  if (dayStartMs + DAY_MS <= activityStartMs) return [];
  const random = seededRandom(options.seed, `day:${dayLabel(dayStartMs)}`);
  const weekday = new Date(dayStartMs).getUTCDay();
  const userTotal = catalog.users.reduce((s, u) => s + u.weight, 0);
  const appTotal = catalog.apps.reduce((s, a) => s + a.weight, 0);
  const kindTotal = WORKLOAD_KINDS.reduce((s, k) => s + k.weight, 0);
  const entries: ActivityEntry[] = [];
  let serial = Math.floor(dayStartMs / DAY_MS) * 100_000;
  const add = (record: AuditRecord, contentType: ContentType, eventMs: number) => {
    const first = eventMs + availabilityLag(random, options.lateArrivalRate);
    const availableAtMs = [first];
    if (random.chance(options.duplicateRate)) availableAtMs.push(first + 15 * MINUTE_MS + Math.floor(random.next() * 6 * HOUR_MS));
    entries.push({ record, contentType, eventMs, availableAtMs });
  };
  const powerApps = (operation: PowerAppsOperation, eventMs: number, user: TenantUser = pickWeighted(random, catalog.users, userTotal), app: Pick<TenantApp, 'id' | 'displayName' | 'environment'> = pickWeighted(random, catalog.apps, appTotal)) =>
    add(powerAppsRecord({ id: random.guid(), timeMs: eventMs, operation, user, app, ip: clientIp(random.int(0, 10_000)) }, options.tenantId, options.powerAppsSchema), 'Audit.General', eventMs);

  for (let hour = 0; hour < 24; hour++) {
    const hourStart = dayStartMs + hour * HOUR_MS;
    const launches = random.poisson(expectedEventsInHour(options.launchesPerDay, weekday, hour));
    const background = random.poisson(expectedEventsInHour(options.backgroundPerDay, weekday, hour));
    const times: number[] = [];
    for (let i = 0; i < launches + background; i++) times.push(hourStart + Math.floor(random.next() * HOUR_MS));
    for (let i = 0; i < launches; i++) {
      if (times[i]! < activityStartMs) continue;
      powerApps('LaunchPowerApp', times[i]!);
    }
    for (let i = launches; i < times.length; i++) {
      const eventMs = times[i]!;
      if (eventMs < activityStartMs) continue;
      let target = random.next() * kindTotal;
      const kind = WORKLOAD_KINDS.find((k) => (target -= k.weight) < 0) ?? WORKLOAD_KINDS[0]!;
      const user = pickWeighted(random, catalog.users, userTotal);
      add(kind.build({ id: random.guid(), timeMs: eventMs, user, ip: clientIp(random.int(0, 10_000)), serial: serial++ }, options.tenantId, options.domain), kind.contentType, eventMs);
    }
    yield;
  }
  // Makers at work: edits, publishes, permission changes on catalog apps; one scratch app created and deleted.
  const workStart = dayStartMs + 8 * HOUR_MS;
  const makerEvents = random.poisson(Math.max(1, options.launchesPerDay / 80));
  for (let i = 0; i < makerEvents; i++) {
    const app = pickWeighted(random, catalog.apps, appTotal);
    const operation = random.pick<PowerAppsOperation>(['UpdatePowerApp', 'PublishPowerApp', 'PowerAppPermissionEdited']);
    const eventMs = workStart + Math.floor(random.next() * 9 * HOUR_MS);
    if (eventMs >= activityStartMs) powerApps(operation, eventMs, app.owner, app);
  }
  if (weekday !== 0 && weekday !== 6) {
    const maker = pickWeighted(random, catalog.users, userTotal);
    const scratch = { id: random.guid(), displayName: `Scratch app ${dayLabel(dayStartMs)}`, environment: catalog.environments[0]! };
    const created = workStart + Math.floor(random.next() * 4 * HOUR_MS);
    if (created >= activityStartMs) {
      powerApps('CreatePowerApp', created, maker, scratch);
      powerApps('DeletePowerApp', created + 2 * HOUR_MS, maker, scratch);
    }
  }
  entries.sort((a, b) => a.eventMs - b.eventMs || (a.record.Id < b.record.Id ? -1 : 1));
  return entries;
}
