import yauzl from 'yauzl';
import { InputError } from '../../core/errors.js';

/** Limits that keep a hostile zip (bomb, thousands of entries, path tricks) from hurting us. */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/**
 * Reads the text entries of a zip into memory (nothing is written to disk). Entry names that climb
 * out of the archive (`../`, absolute paths, drive letters) are refused, as are entries whose
 * inflated size passes the limits (checked while inflating, not trusted from the header).
 */
export async function readZipEntries(file: string, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (error, opened) => {
      if (error || !opened) reject(new InputError(`not a readable zip: ${error?.message ?? 'unknown error'}`, { file }));
      else resolve(opened);
    });
  });
  const entries = new Map<string, Buffer>();
  let count = 0;
  let total = 0;
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      zip.close();
      reject(new InputError(message, { file }));
    };
    zip.on('error', (error: Error) => fail(`not a readable zip: ${error.message}`));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      count++;
      if (count > limits.maxEntries) return fail(`zip has more than ${limits.maxEntries} entries`);
      const name = entry.fileName.replace(/\\/g, '/');
      if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) {
        return fail(`zip entry "${entry.fileName}" points outside the archive`);
      }
      if (name.endsWith('/') || !wanted(name)) return zip.readEntry();
      if (entry.uncompressedSize > limits.maxEntryBytes) return fail(`zip entry "${name}" is larger than ${limits.maxEntryBytes} bytes`);
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(`cannot read zip entry "${name}": ${error?.message ?? 'unknown error'}`);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
            stream.destroy();
            fail(`zip entry "${name}" inflates past the size limit`);
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (streamError: Error) => fail(`cannot read zip entry "${name}": ${streamError.message}`));
        stream.on('end', () => {
          entries.set(name, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
