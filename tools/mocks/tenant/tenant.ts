import { v5 as uuidv5 } from 'uuid';
import { InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { readJsonFile } from '../../core/read-input.js';
import { buildBlobsForDay, type ContentBlob } from './blobs.js';
import type { TenantCatalog } from './catalog.js';
import { parseContentId } from './content-id.js';
import { DAY_MS, dayLabel, startOfUtcDay } from './creation-time.js';
import { MAX_AVAILABILITY_LAG_MS, generateDay, generateDaySteps, tenantCatalog, type ActivityEntry } from './day-activity.js';
import { resolveTenantOptions, type ResolvedTenantOptions, type TenantOptions } from './options.js';
import { seededRandom } from './random.js';
import type { AuditRecord, ContentType } from './records/audit-record.js';

const TENANT_NAMESPACE = 'a3f1e7c2-5b0d-4e8a-9c61-2d7f0b9e4a13';

/** A time window; `from` inclusive, `to` exclusive (as the API treats startTime/endTime). */
export interface TimeWindow {
  from: Date | number;
  to: Date | number;
}

export interface TenantState {
  kind: 'ppkit-synthetic-tenant';
  version: 1;
  options: ResolvedTenantOptions;
}

const ms = (value: Date | number) => (typeof value === 'number' ? value : value.getTime());

/**
 * A synthetic Microsoft 365 tenant: users, environments, canvas apps and their audit trail. Activity
 * is generated per UTC day from the seed (so any day can be rebuilt alone, and a simulation clock
 * can run forward for weeks); what a caller sees is limited by the `now` it passes in.
 */
export class SyntheticTenant {
  readonly options: ResolvedTenantOptions;
  readonly catalog: TenantCatalog;
  private readonly days = new Map<number, ActivityEntry[]>();
  private readonly blobDays = new Map<number, Map<ContentType, ContentBlob[]>>();
  private readonly blobsById = new Map<string, ContentBlob>();

  constructor(options: TenantOptions = {}, now: Date | number = Date.now()) {
    this.options = resolveTenantOptions(options, ms(now), (seed) => uuidv5(`tenant:${seed}`, TENANT_NAMESPACE));
    this.catalog = tenantCatalog(this.options);
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  /** Events that happened on the UTC day holding `dayMs` (all of them, whatever the clock says). */
  eventsOfDay(dayMs: number): ActivityEntry[] {
    const day = startOfUtcDay(dayMs);
    let entries = this.days.get(day);
    if (!entries) this.days.set(day, (entries = generateDay(this.options, this.catalog, day)));
    return entries;
  }

  /**
   * Builds the events of the UTC day holding `dayMs` an hour at a time, one step per `next()`, and
   * keeps them as `eventsOfDay` would (which, asked in between, builds the day at once instead).
   */
  *prepareDay(dayMs: number): Generator<void, void> {
    const day = startOfUtcDay(dayMs);
    if (this.days.has(day)) return;
    const steps = generateDaySteps(this.options, this.catalog, day);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (!this.days.has(day)) this.days.set(day, step.value);
        return;
      }
      yield;
      if (this.days.has(day)) return;
    }
  }

  private blobsOfDay(dayMs: number): Map<ContentType, ContentBlob[]> {
    const day = startOfUtcDay(dayMs);
    let blobs = this.blobDays.get(day);
    if (!blobs) {
      const entries: ActivityEntry[] = [];
      for (let d = day - Math.ceil(MAX_AVAILABILITY_LAG_MS / DAY_MS) * DAY_MS - DAY_MS; d <= day; d += DAY_MS) entries.push(...this.eventsOfDay(d));
      blobs = buildBlobsForDay(day, entries, seededRandom(this.options.seed, `blobs:${dayLabel(day)}`), this.options.blobRecordLimit, this.options.retentionDays);
      for (const list of blobs.values()) for (const blob of list) this.blobsById.set(blob.contentId, blob);
      this.blobDays.set(day, blobs);
    }
    return blobs;
  }

  /** Blobs of `contentType` with `from <= contentCreated < to` that exist at `now`, oldest first. */
  listBlobs(contentType: ContentType, window: TimeWindow, now: Date | number): ContentBlob[] {
    const from = ms(window.from);
    const to = Math.min(ms(window.to), ms(now) + 1);
    const out: ContentBlob[] = [];
    for (let day = startOfUtcDay(from); day < to; day += DAY_MS) {
      for (const blob of this.blobsOfDay(day).get(contentType) ?? []) {
        if (blob.contentCreatedMs >= from && blob.contentCreatedMs < to) out.push(blob);
      }
    }
    return out;
  }

  /** The blob with this id if it exists at `now` (expired blobs are returned; the caller decides). */
  blob(contentId: string, now: Date | number): ContentBlob | undefined {
    // A blob already built is found without parsing its id again (fetches are the hot path).
    const known = this.blobsById.get(contentId);
    if (known) return known.contentCreatedMs > ms(now) ? undefined : known;
    const parsed = parseContentId(contentId);
    if (!parsed || parsed.contentCreatedMs > ms(now)) return undefined;
    this.blobsOfDay(parsed.contentCreatedMs);
    return this.blobsById.get(contentId);
  }

  /** The JSON body of a blob, serialised once. */
  blobBody(blob: ContentBlob): string {
    return (blob.body ??= JSON.stringify(blob.records));
  }

  /** The JSON body of a blob as UTF-8 bytes, encoded once. */
  blobBodyBytes(blob: ContentBlob): Buffer {
    return (blob.bodyBytes ??= Buffer.from(this.blobBody(blob), 'utf8'));
  }

  /**
   * Ground truth for end-to-end checks: the unique ids of every LaunchPowerApp record, sorted.
   * `by: 'creationTime'` (default) selects on the event's CreationTime; `by: 'contentCreated'`
   * selects the records of blobs listed in the window (what a client paging /content sees).
   * Records not yet available at `now` are left out either way. With `readable`, only the blobs it
   * accepts count (a blob that expired before it was read cannot be read by any client).
   */
  launchRecordIds(window: TimeWindow, options: { now: Date | number; by?: 'creationTime' | 'contentCreated'; readable?: (blob: ContentBlob) => boolean }): string[] {
    const ids = new Set<string>();
    if (options.by === 'contentCreated') {
      for (const blob of this.listBlobs('Audit.General', window, options.now)) {
        if (options.readable && !options.readable(blob)) continue;
        for (const record of blob.records) if (record.Operation === 'LaunchPowerApp') ids.add(record.Id);
      }
    } else {
      for (const entry of this.availableEvents(window, options.now)) {
        if (entry.record.Operation === 'LaunchPowerApp') ids.add(entry.record.Id);
      }
    }
    return [...ids].sort();
  }

  /** Records with CreationTime in the window that the service has ingested by `now`, each once, oldest first. */
  searchRecords(window: TimeWindow, options: { now: Date | number; operations?: readonly string[] }): AuditRecord[] {
    const wanted = options.operations && options.operations.length > 0 ? new Set(options.operations.map((o) => o.toLowerCase())) : undefined;
    return this.availableEvents(window, options.now)
      .filter((entry) => !wanted || wanted.has(entry.record.Operation.toLowerCase()))
      .map((entry) => entry.record);
  }

  private availableEvents(window: TimeWindow, now: Date | number): ActivityEntry[] {
    const from = ms(window.from);
    const to = ms(window.to);
    const nowMs = ms(now);
    const out: ActivityEntry[] = [];
    for (let day = startOfUtcDay(from); day < to; day += DAY_MS) {
      for (const entry of this.eventsOfDay(day)) {
        if (entry.eventMs >= from && entry.eventMs < to && entry.availableAtMs[0]! <= nowMs) out.push(entry);
      }
    }
    return out;
  }

  toState(): TenantState {
    return { kind: 'ppkit-synthetic-tenant', version: 1, options: this.options };
  }

  /** Saves the tenant (its resolved options: activity is rebuilt from them) atomically. */
  save(path: string): void {
    writeFileAtomic(path, `${JSON.stringify(this.toState(), null, 2)}\n`);
  }

  static fromState(state: unknown, file?: string): SyntheticTenant {
    const s = state as Partial<TenantState> | null;
    if (!s || typeof s !== 'object' || s.kind !== 'ppkit-synthetic-tenant') throw new InputError('expected a ppkit synthetic tenant state ("kind": "ppkit-synthetic-tenant")', { file, pointer: '/kind' });
    if (s.version !== 1) throw new InputError(`unsupported tenant state version ${String(s.version)}, expected 1`, { file, pointer: '/version' });
    if (!s.options || typeof s.options !== 'object') throw new InputError('expected an object', { file, pointer: '/options' });
    return new SyntheticTenant(s.options, Date.parse(s.options.activityStart ?? '') || 0);
  }

  static load(path: string): SyntheticTenant {
    return SyntheticTenant.fromState(readJsonFile(path), path);
  }
}
