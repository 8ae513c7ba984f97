import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, SyntheticTenant, type AuditRecord } from '../../../tools/mocks/tenant/index.js';
import { InputError } from '../../../tools/core/errors.js';

const NOW = Date.parse('2026-11-20T12:00:00Z'); // a Friday
const week = { from: NOW - 7 * DAY_MS, to: NOW };

function allBlobs(tenant: SyntheticTenant, contentType: Parameters<SyntheticTenant['listBlobs']>[0] = 'Audit.General') {
  const blobs = [];
  for (let from = NOW - 7 * DAY_MS; from < NOW; from += DAY_MS) blobs.push(...tenant.listBlobs(contentType, { from, to: from + DAY_MS }, NOW));
  return blobs;
}

describe('synthetic tenant', () => {
  const tenant = new SyntheticTenant({ seed: 'alpha' }, NOW);
  const folder = mkdtempSync(join(tmpdir(), 'ppkit-tenant-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is deterministic from its seed, whatever order days are built in', () => {
    const again = new SyntheticTenant({ seed: 'alpha' }, NOW);
    again.eventsOfDay(NOW - 3 * DAY_MS); // build a middle day first
    expect(again.launchRecordIds(week, { now: NOW })).toEqual(tenant.launchRecordIds(week, { now: NOW }));
    expect(allBlobs(again).map((b) => b.contentId)).toEqual(allBlobs(tenant).map((b) => b.contentId));
    const other = new SyntheticTenant({ seed: 'beta' }, NOW);
    expect(other.launchRecordIds(week, { now: NOW })).not.toEqual(tenant.launchRecordIds(week, { now: NOW }));
  });

  it.each([
    ['built an hour at a time to the end', Infinity],
    ['built partly, then asked for at once', 5],
  ])('gives the same day %s (prepareDay) as built at once', (_name, hours) => {
    const day = NOW - 2 * DAY_MS;
    const stepped = new SyntheticTenant({ seed: 'alpha' }, NOW);
    const steps = stepped.prepareDay(day);
    let taken = 0;
    while (taken < hours && !steps.next().done) taken++;
    if (hours === Infinity) expect(taken).toBe(24);
    expect(stepped.eventsOfDay(day)).toEqual(tenant.eventsOfDay(day));
    expect(steps.next().done).toBe(true);
  });

  it('has the configured users and apps, and activity for the last 7 days up to now', () => {
    const small = new SyntheticTenant({ seed: 's', users: 5, apps: 3 }, NOW);
    expect(small.catalog.users).toHaveLength(5);
    expect(small.catalog.apps).toHaveLength(3);
    const records = allBlobs(small).flatMap((b) => b.records);
    expect(new Set(records.filter((r) => r.Operation === 'LaunchPowerApp').map((r) => r.UserId)).size).toBeLessThanOrEqual(5);
    expect(new Set(records.filter((r) => r.Operation === 'LaunchPowerApp').map((r) => r.AppName)).size).toBe(3);
    const times = records.map((r) => Date.parse(`${r.CreationTime}Z`));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-11-13T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThan(NOW);
    expect(small.listBlobs('Audit.General', { from: NOW - 2 * HOUR_MS, to: NOW }, NOW).length).toBeGreaterThan(0);
  });

  it('ground truth by blob leaves out what only unreadable (expired) blobs hold, and keeps records another blob repeats', () => {
    const dup = new SyntheticTenant({ seed: 'expiry', duplicateRate: 0.3 }, NOW);
    const window = { from: NOW - DAY_MS, to: NOW };
    const all = dup.launchRecordIds(window, { now: NOW, by: 'contentCreated' });
    const blobs = dup.listBlobs('Audit.General', window, NOW);
    const expired = new Set(blobs.filter((_, i) => i % 3 === 0).map((b) => b.contentId));
    const readable = dup.launchRecordIds(window, { now: NOW, by: 'contentCreated', readable: (b) => !expired.has(b.contentId) });
    const inReadable = new Set(blobs.filter((b) => !expired.has(b.contentId)).flatMap((b) => b.records).filter((r) => r.Operation === 'LaunchPowerApp').map((r) => r.Id));
    expect(readable).toEqual([...inReadable].sort());
    expect(readable.length).toBeLessThan(all.length);
    // A record repeated in a readable blob stays readable even when its other copy expired.
    const repeated = blobs.filter((b) => expired.has(b.contentId)).flatMap((b) => b.records).filter((r) => r.Operation === 'LaunchPowerApp' && inReadable.has(r.Id));
    expect(repeated.length).toBeGreaterThan(0);
  });

  it('follows a daily and weekly rhythm', () => {
    const launches = (from: number, to: number) => tenant.launchRecordIds({ from, to }, { now: NOW + 3 * DAY_MS }).length;
    const saturday = Date.parse('2026-11-14T00:00:00Z');
    const tuesday = Date.parse('2026-11-17T00:00:00Z');
    expect(launches(tuesday, tuesday + DAY_MS)).toBeGreaterThan(2 * launches(saturday, saturday + DAY_MS));
    const nights = launches(tuesday, tuesday + 5 * HOUR_MS);
    const mornings = launches(tuesday + 8 * HOUR_MS, tuesday + 13 * HOUR_MS);
    expect(mornings).toBeGreaterThan(3 * nights);
  });

  it('writes records with the real schema and CreationTime as the service does', () => {
    const record = allBlobs(tenant).flatMap((b) => b.records).find((r) => r.Operation === 'LaunchPowerApp')!;
    expect(record).toMatchObject({ RecordType: 45, Workload: 'PowerApps', OrganizationId: tenant.tenantId, UserType: 0, ResultStatus: 'Succeeded', Version: 1 });
    expect(record.CreationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(tenant.catalog.apps.map((a) => a.id)).toContain(record.AppName);
    expect(JSON.parse(String(record.AdditionalInfo))).toHaveProperty('environmentName');
    const current = new SyntheticTenant({ seed: 'alpha', powerAppsSchema: 'current' }, NOW);
    const modern = allBlobs(current).flatMap((b) => b.records).find((r) => r.Operation === 'LaunchPowerApp')!;
    expect(modern.RecordType).toBe(256);
    const props = new Map((modern.PropertyCollection as { Name: string; Value: string }[]).map((p) => [p.Name, p.Value]));
    expect(props.get('powerplatform.analytics.resource.type')).toBe('PowerApp');
    expect(current.catalog.apps.map((a) => a.id)).toContain(props.get('powerplatform.analytics.resource.power_app.id'));
    const operations = new Set(allBlobs(tenant).flatMap((b) => b.records).map((r) => r.Operation));
    for (const op of ['LaunchPowerApp', 'CreatePowerApp', 'DeletePowerApp', 'EditFlow']) expect(operations).toContain(op);
  });

  it('spreads records over many blobs a day, with late arrivals and duplicates across blobs', () => {
    const blobs = allBlobs(tenant);
    expect(blobs.length / 7).toBeGreaterThan(30);
    const lags = blobs.flatMap((b) => b.records.map((r: AuditRecord) => b.contentCreatedMs - Date.parse(`${r.CreationTime}Z`)));
    expect(Math.min(...lags)).toBeGreaterThanOrEqual(0);
    expect(lags.filter((l) => l > 3 * HOUR_MS).length).toBeGreaterThan(0);
    const where = new Map<string, string[]>();
    for (const b of blobs) for (const r of b.records) where.set(r.Id, [...(where.get(r.Id) ?? []), b.contentId]);
    const duplicated = [...where.values()].filter((ids) => ids.length > 1);
    expect(duplicated.length).toBeGreaterThan(0);
    for (const ids of duplicated) expect(new Set(ids).size).toBe(ids.length);
    // A later blob can hold older events than an earlier one.
    const oldest = blobs.map((b) => Math.min(...b.records.map((r) => Date.parse(`${r.CreationTime}Z`))));
    expect(oldest.some((t, i) => i > 0 && t < oldest[i - 1]!)).toBe(true);
  });

  it('ground truth by contentCreated equals the LaunchPowerApp ids of the listed blobs', () => {
    const window = { from: NOW - DAY_MS, to: NOW };
    const fromBlobs = new Set(tenant.listBlobs('Audit.General', window, NOW).flatMap((b) => b.records.filter((r) => r.Operation === 'LaunchPowerApp').map((r) => r.Id)));
    expect(tenant.launchRecordIds(window, { now: NOW, by: 'contentCreated' })).toEqual([...fromBlobs].sort());
  });

  it('shows nothing that is not available at the given now', () => {
    expect(tenant.listBlobs('Audit.General', { from: NOW + 1, to: NOW + DAY_MS }, NOW)).toEqual([]);
    expect(tenant.listBlobs('Audit.General', { from: NOW, to: NOW + DAY_MS }, NOW + DAY_MS).length).toBeGreaterThan(0);
  });

  it('saves to a file and loads the same tenant back', () => {
    const file = join(folder, 'tenant.json');
    tenant.save(file);
    const loaded = SyntheticTenant.load(file);
    expect(loaded.tenantId).toBe(tenant.tenantId);
    expect(loaded.launchRecordIds(week, { now: NOW })).toEqual(tenant.launchRecordIds(week, { now: NOW }));
  });

  it.each([
    ['not a tenant state', '{"kind":"something"}', /ppkit synthetic tenant state/],
    ['a bad option', '{"kind":"ppkit-synthetic-tenant","version":1,"options":{"tenantId":"nope"}}', /tenantId must be a GUID/],
  ])('refuses %s with an InputError naming the file', (_name, text, message) => {
    const file = join(folder, 'bad.json');
    writeFileSync(file, text);
    expect(() => SyntheticTenant.load(file)).toThrow(InputError);
    expect(() => SyntheticTenant.load(file)).toThrow(message);
  });
});
