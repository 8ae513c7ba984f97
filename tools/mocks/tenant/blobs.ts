import { contentIdFor } from './content-id.js';
import { DAY_MS, MINUTE_MS } from './creation-time.js';
import type { ActivityEntry } from './day-activity.js';
import type { Random } from './random.js';
import { CONTENT_TYPES, type AuditRecord, type ContentType } from './records/audit-record.js';

/** Content is cut into blobs per 15-minute availability slot; contentCreated is the slot's end (":15:00.000"). */
export const SLOT_MS = 15 * MINUTE_MS;

export interface ContentBlob {
  contentId: string;
  contentType: ContentType;
  contentCreatedMs: number;
  contentExpirationMs: number;
  records: AuditRecord[];
  /** The blob's JSON body, serialised once (blobs are immutable). */
  body?: string;
  /** The same body as UTF-8 bytes, encoded once: a fetch writes them to the socket as they are. */
  bodyBytes?: Buffer;
}

/**
 * Builds the blobs whose contentCreated falls on the UTC day `dayStartMs`, from the entries that
 * became available in that day's slots. Inside a blob records are in no particular order (the
 * service says so), and a duplicate sits in a different blob than its first copy.
 */
export function buildBlobsForDay(dayStartMs: number, entries: readonly ActivityEntry[], random: Random, recordLimit: number, retentionDays: number): Map<ContentType, ContentBlob[]> {
  // Slot s has contentCreated (s + 1) * SLOT_MS; for it to fall on this day, availability is in [day - SLOT, day + DAY - SLOT).
  const from = dayStartMs - SLOT_MS;
  const to = dayStartMs + DAY_MS - SLOT_MS;
  const slots = new Map<string, AuditRecord[]>();
  for (const entry of entries) {
    for (const at of entry.availableAtMs) {
      if (at < from || at >= to) continue;
      const key = `${entry.contentType}|${Math.floor(at / SLOT_MS)}`;
      let list = slots.get(key);
      if (!list) slots.set(key, (list = []));
      list.push(entry.record);
    }
  }
  const result = new Map<ContentType, ContentBlob[]>(CONTENT_TYPES.map((t) => [t, []]));
  const keys = [...slots.keys()].sort((a, b) => {
    const [ta, sa] = a.split('|');
    const [tb, sb] = b.split('|');
    return Number(sa) - Number(sb) || (ta! < tb! ? -1 : ta! > tb! ? 1 : 0);
  });
  for (const key of keys) {
    const [type, slot] = key.split('|') as [ContentType, string];
    const records = shuffle(slots.get(key)!, random);
    const contentCreatedMs = (Number(slot) + 1) * SLOT_MS;
    const typeIndex = CONTENT_TYPES.indexOf(type);
    for (let chunk = 0; chunk * recordLimit < records.length; chunk++) {
      result.get(type)!.push({
        contentId: contentIdFor(type, contentCreatedMs, typeIndex * 10_000 + chunk),
        contentType: type,
        contentCreatedMs,
        contentExpirationMs: contentCreatedMs + retentionDays * DAY_MS,
        records: records.slice(chunk * recordLimit, (chunk + 1) * recordLimit),
      });
    }
  }
  return result;
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
