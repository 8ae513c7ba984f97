import * as archiverModule from 'archiver';
import { writeFileAtomic } from '../core/atomic-write.js';

// archiver 7 exports one factory function (CommonJS); the installed @types describe v8's classes.
type ArchiverFactory = (format: 'zip', options: archiverModule.ZipOptions) => archiverModule.Archiver;
const createZipArchive = (options: archiverModule.ZipOptions) =>
  ((archiverModule as unknown as { default: ArchiverFactory }).default)('zip', options);

/** One file to put in a zip: a forward-slash path inside the archive and its bytes. */
export interface ZipEntryInput {
  name: string;
  data: Buffer;
}

export interface WriteZipOptions {
  /**
   * The one timestamp every entry carries. Fixed, so the same inputs give the same bytes; a build
   * can set it through SOURCE_DATE_EPOCH (the reproducible-builds convention).
   */
  date?: Date;
  /** Deflate level 0-9 (default 6, zlib's own default: solution XML compresses well at it). */
  level?: number;
}

/** 2024-01-01T00:00:00Z: a valid DOS date (after 1980), the same on every machine and time zone. */
export const FIXED_ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** The timestamp to stamp on entries: SOURCE_DATE_EPOCH (seconds) when set and sane, else the fixed date. */
export function reproducibleDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    // DOS timestamps start in 1980: an earlier epoch cannot be stored, keep the fixed one.
    if (date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 2107) return date;
  }
  return FIXED_ZIP_DATE;
}

/**
 * Builds a zip in memory with archiver. Entries are written in the order given (callers decide
 * it, deterministically), each with the same timestamp and no per-file metadata from the disk, so
 * packing twice gives the same bytes.
 */
export async function buildZip(entries: readonly ZipEntryInput[], options: WriteZipOptions = {}): Promise<Buffer> {
  const date = options.date ?? reproducibleDate();
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw new Error(`zip entry "${entry.name}" is given twice`);
    seen.add(key);
  }
  const archive = createZipArchive({ zlib: { level: options.level ?? 6 }, forceLocalTime: false });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
    archive.on('warning', reject);
  });
  for (const entry of entries) {
    // A fixed mode: the file mode of the build machine must not leak into the bytes.
    archive.append(entry.data, { name: entry.name, date, mode: 0o644 });
  }
  await archive.finalize();
  return done;
}

/** Builds the zip and writes it to `path` through a temp file and a rename: never half a zip. */
export async function writeZipFile(path: string, entries: readonly ZipEntryInput[], options: WriteZipOptions = {}): Promise<Buffer> {
  const bytes = await buildZip(entries, options);
  writeFileAtomic(path, bytes);
  return bytes;
}
