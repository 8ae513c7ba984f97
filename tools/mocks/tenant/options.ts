import { InputError } from '../../core/errors.js';
import type { PowerAppsSchema } from './records/power-apps.js';

/** What the synthetic tenant looks like. Every field has a default; the same options give the same tenant. */
export interface TenantOptions {
  /** Seed for every random choice (default "ppkit"). */
  seed?: string | number;
  /** Tenant GUID (default: derived from the seed). */
  tenantId?: string;
  /** Domain of user principal names (default "contoso.example"). */
  domain?: string;
  users?: number;
  apps?: number;
  environments?: number;
  /** Average LaunchPowerApp events on a weekday; weekends and nights are quieter. */
  launchesPerDay?: number;
  /** Average events of the other workloads (SharePoint, Exchange, Entra, flows, DLP) per weekday. */
  backgroundPerDay?: number;
  /** `legacy` (RecordType 45, AppName: what the CoE child flow parses) or `current` (RecordType 256, PropertyCollection). */
  powerAppsSchema?: PowerAppsSchema;
  /** First instant with activity (ISO); default: 00:00 UTC seven days before the tenant is created. */
  activityStart?: string;
  /** Share of records that the pipeline stores twice, in two different blobs. */
  duplicateRate?: number;
  /** Share of records that become available hours (3–30 h) after the event instead of 20–90 min. */
  lateArrivalRate?: number;
  /** Most records one content blob holds; a busier 15-minute slot is split over several blobs. */
  blobRecordLimit?: number;
  /** Days a blob stays retrievable after contentCreated (documented: 7). */
  retentionDays?: number;
}

export type ResolvedTenantOptions = Required<TenantOptions> & { seed: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text);
}

function count(name: string, value: number | undefined, fallback: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0 || v > max) throw new InputError(`tenant option ${name} must be a number from 0 to ${max}, got ${String(value)}`);
  return v;
}

function rate(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new InputError(`tenant option ${name} must be a rate from 0 to 1, got ${String(value)}`);
  return v;
}

export function resolveTenantOptions(options: TenantOptions, nowMs: number, derivedTenantId: (seed: string) => string): ResolvedTenantOptions {
  const seed = String(options.seed ?? 'ppkit');
  const tenantId = (options.tenantId ?? derivedTenantId(seed)).toLowerCase();
  if (!isGuid(tenantId)) throw new InputError(`tenant option tenantId must be a GUID, got "${options.tenantId}"`);
  const activityStart = options.activityStart ?? new Date(Math.floor((nowMs - 7 * 86_400_000) / 86_400_000) * 86_400_000).toISOString();
  if (Number.isNaN(Date.parse(activityStart))) throw new InputError(`tenant option activityStart must be an ISO date, got "${activityStart}"`);
  const schema = options.powerAppsSchema ?? 'legacy';
  if (schema !== 'legacy' && schema !== 'current') throw new InputError(`tenant option powerAppsSchema must be legacy or current, got "${String(schema)}"`);
  return {
    seed,
    tenantId,
    domain: options.domain ?? 'contoso.example',
    users: Math.max(1, Math.round(count('users', options.users, 40, 100_000))),
    apps: Math.max(1, Math.round(count('apps', options.apps, 12, 10_000))),
    environments: Math.max(1, Math.round(count('environments', options.environments, 3, 1000))),
    launchesPerDay: count('launchesPerDay', options.launchesPerDay, 240, 1_000_000),
    backgroundPerDay: count('backgroundPerDay', options.backgroundPerDay, 400, 1_000_000),
    powerAppsSchema: schema,
    activityStart: new Date(activityStart).toISOString(),
    duplicateRate: rate('duplicateRate', options.duplicateRate, 0.02),
    lateArrivalRate: rate('lateArrivalRate', options.lateArrivalRate, 0.05),
    blobRecordLimit: Math.max(1, Math.round(count('blobRecordLimit', options.blobRecordLimit, 200, 100_000))),
    retentionDays: count('retentionDays', options.retentionDays, 7, 365),
  };
}
