import yauzl from 'yauzl';
import { statSync } from 'node:fs';
import { InputError } from '../core/errors.js';

/**
 * Limits for reading a zip from outside. Every zip is hostile until read: a small file can expand
 * to gigabytes (zip bomb), name paths outside the target (zip-slip), or hide links and encrypted parts.
 */
export interface ZipLimits {
  /** Largest zip file accepted. */
  maxZipBytes: number;
  /** Most entries accepted. */
  maxEntries: number;
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio of an entry larger than `ratioThresholdBytes`. */
  maxRatio: number;
  ratioThresholdBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  // Deflate tops out near 1032:1; real XML and JSON stay well below 100:1.
  maxRatio: 200,
  ratioThresholdBytes: 1024 * 1024,
};

export interface ZipEntryRead {
  /** Normalised forward-slash relative path, as written in the zip. */
  name: string;
  data: Buffer;
  /** Compression method (0 stored, 8 deflate) and general-purpose flags, for checks that care. */
  method: number;
  flags: number;
}

export interface ZipRead {
  /** Entries in the order the zip's central directory lists them; folder entries are skipped. */
  entries: ZipEntryRead[];
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

/** Reads a zip file from disk with every hostile-zip check. Errors are InputErrors naming `label`. */
export async function readZipFile(path: string, limits: Partial<ZipLimits> = {}, label = path): Promise<ZipRead> {
  const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError('expected a zip file, found a folder or special file', { file: label });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('zip file not found or not readable', { file: label });
  }
  if (size > all.maxZipBytes) throw new InputError(`zip is ${size} bytes, more than the ${all.maxZipBytes} allowed`, { file: label });
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, zipOptions());
  } catch (error) {
    throw new InputError(`not a readable zip: ${(error as Error).message}`, { file: label });
  }
  return readAll(zip, all, label);
}

/** Reads a zip held in memory, with the same checks. */
export async function readZipBuffer(bytes: Buffer, limits: Partial<ZipLimits> = {}, label = '(zip)'): Promise<ZipRead> {
  const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
  if (bytes.length > all.maxZipBytes) throw new InputError(`zip is ${bytes.length} bytes, more than the ${all.maxZipBytes} allowed`, { file: label });
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, zipOptions());
  } catch (error) {
    throw new InputError(`not a readable zip: ${(error as Error).message}`, { file: label });
  }
  return readAll(zip, all, label);
}

function zipOptions(): yauzl.Options {
  // Names are decoded and checked here, not by yauzl, so each refusal gets its own clear message;
  // yauzl still checks that every entry's real size equals the size it declares.
  return { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
}

/** Checks an entry name and returns it normalised, or the reason it is refused. */
export function checkEntryName(raw: string): { name: string } | { refused: string } {
  if (raw.length === 0) return { refused: 'entry with an empty name' };
  if (raw.includes('\0')) return { refused: `entry name "${raw.replace(/\0/g, '\\0')}" contains a NUL character` };
  // Windows tools have written backslashes; treat them as separators, then judge the path.
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return { refused: `entry "${raw}" has an absolute path` };
  const segments = name.split('/');
  if (segments.includes('..')) return { refused: `entry "${raw}" points outside the target folder (zip-slip)` };
  if (segments.slice(0, -1).some((s) => s === '' || s === '.') || segments[segments.length - 1] === '.') {
    return { refused: `entry "${raw}" has an empty or "." path segment` };
  }
  return { name };
}

async function readAll(zip: yauzl.ZipFile, limits: ZipLimits, label: string): Promise<ZipRead> {
  try {
    return await readEntries(zip, limits, label);
  } finally {
    if (zip.isOpen) zip.close();
  }
}

async function readEntries(zip: yauzl.ZipFile, limits: ZipLimits, label: string): Promise<ZipRead> {
  const refuse = (message: string): never => {
    throw new InputError(message, { file: label });
  };
  if (zip.entryCount > limits.maxEntries) refuse(`zip has ${zip.entryCount} entries, more than the ${limits.maxEntries} allowed`);
  const headers = await listEntries(zip, label);
  const seen = new Map<string, string>();
  const kept: { entry: yauzl.Entry; name: string }[] = [];
  let declaredTotal = 0;
  for (const entry of headers) {
    const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
    const checked = checkEntryName(raw);
    if ('refused' in checked) refuse(checked.refused);
    const name = (checked as { name: string }).name;
    if (entry.generalPurposeBitFlag & 0x1) refuse(`entry "${name}" is encrypted`);
    const host = entry.versionMadeBy >>> 8;
    const mode = entry.externalFileAttributes >>> 16;
    if (host === UNIX_HOST && (mode & S_IFMT) === S_IFLNK) refuse(`entry "${name}" is a symbolic link`);
    const key = name.replace(/\/$/, '').toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined) refuse(`entry "${name}" appears twice (also as "${previous}")`);
    seen.set(key, name);
    if (name.endsWith('/')) continue;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      refuse(`entry "${name}" uses compression method ${entry.compressionMethod}; only stored (0) and deflate (8) are read`);
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      refuse(`entry "${name}" expands to ${entry.uncompressedSize} bytes, more than the ${limits.maxEntryBytes} allowed per entry`);
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) refuse(`zip expands to more than the ${limits.maxTotalBytes} bytes allowed in total (zip bomb?)`);
    if (entry.uncompressedSize > limits.ratioThresholdBytes && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      refuse(`entry "${name}" expands ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, more than the ${limits.maxRatio}:1 allowed (zip bomb?)`);
    }
    kept.push({ entry, name });
  }
  checkNoOverlap(kept, refuse);
  const entries: ZipEntryRead[] = [];
  let actualTotal = 0;
  for (const { entry, name } of kept) {
    const data = await readEntry(zip, entry, name, limits, label);
    actualTotal += data.length;
    if (actualTotal > limits.maxTotalBytes) refuse(`zip expands to more than the ${limits.maxTotalBytes} bytes allowed in total (zip bomb?)`);
    entries.push({ name, data, method: entry.compressionMethod, flags: entry.generalPurposeBitFlag });
  }
  return { entries };
}

/** Overlapping entries (several names sharing compressed bytes) are how the densest zip bombs work. */
function checkNoOverlap(kept: { entry: yauzl.Entry; name: string }[], refuse: (message: string) => never): void {
  const sorted = [...kept].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const after = sorted[i]!;
    // 30 bytes of fixed local header plus the name come before the data of `before`.
    const end = before.entry.relativeOffsetOfLocalHeader + 30 + before.entry.fileNameLength + before.entry.compressedSize;
    if (after.entry.relativeOffsetOfLocalHeader < end) refuse(`entries "${before.name}" and "${after.name}" overlap in the zip (zip bomb?)`);
  }
}

function listEntries(zip: yauzl.ZipFile, label: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      list.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    zip.on('error', (error: Error) => reject(new InputError(`not a readable zip: ${error.message}`, { file: label })));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: ZipLimits, label: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new InputError(`cannot read entry "${name}": ${error?.message ?? 'no data'}`, { file: label }));
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (chunk: Buffer) => {
        length += chunk.length;
        // Do not trust the declared size alone: stop as soon as the real data passes the limit.
        if (length > limits.maxEntryBytes) {
          stream.destroy();
          reject(new InputError(`entry "${name}" expands past the ${limits.maxEntryBytes} bytes allowed per entry (zip bomb?)`, { file: label }));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => reject(new InputError(`cannot read entry "${name}": ${streamError.message}`, { file: label })));
      stream.on('end', () => resolve(Buffer.concat(chunks, length)));
    });
  });
}
