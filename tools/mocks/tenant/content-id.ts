import type { ContentType } from './records/audit-record.js';
import { CONTENT_TYPES } from './records/audit-record.js';

/**
 * Content ids as the service writes them: opaque, `$`-separated, e.g.
 * `20171014180051748005825$20171014180051748005825$audit_sharepoint$Audit_SharePoint`
 * (reference sample): a 17-digit UTC stamp plus a 6-digit sequence, twice, then the content type.
 */
export function contentIdFor(contentType: ContentType, contentCreatedMs: number, sequence: number): string {
  const stamp = new Date(contentCreatedMs).toISOString().replace(/[-:TZ.]/g, '');
  const key = `${stamp}${String(sequence).padStart(6, '0')}`;
  const title = contentType.replace('.', '_');
  return `${key}$${key}$${title.toLowerCase()}$${title}`;
}

const PATTERN = /^(\d{17})(\d{6})\$(\d{23})\$([a-z_]+)\$([A-Za-z_]+)$/;

/** Parses a content id this tenant could have issued, or undefined when it is malformed. */
export function parseContentId(id: string): { contentType: ContentType; contentCreatedMs: number } | undefined {
  const match = PATTERN.exec(id);
  if (!match || match[3] !== `${match[1]}${match[2]}`) return undefined;
  const contentType = CONTENT_TYPES.find((t) => t.replace('.', '_') === match[5] && t.replace('.', '_').toLowerCase() === match[4]);
  if (!contentType) return undefined;
  const s = match[1]!;
  const ms = Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(8, 10), +s.slice(10, 12), +s.slice(12, 14), +s.slice(14, 17));
  return Number.isNaN(ms) ? undefined : { contentType, contentCreatedMs: ms };
}
