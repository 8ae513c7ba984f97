import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildZip, readZipBuffer, readZipFile, reproducibleDate, FIXED_ZIP_DATE, writeZipFile } from '../../tools/zip/index.js';
import { craftZip, type CraftEntry } from './craft-zip.js';

const files = [
  { name: 'customizations.xml', data: Buffer.from('<ImportExportXml />') },
  { name: 'Workflows/A-1.json', data: Buffer.from('{"a":1}') },
  { name: '[Content_Types].xml', data: Buffer.from('<Types />') },
];

describe('writing zips', () => {
  it('gives the same bytes for the same entries, whatever the clock', async () => {
    const first = await buildZip(files);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await buildZip(files);
    expect(second.equals(first)).toBe(true);
  });

  it('keeps the entry order it is given and reads back the same content', async () => {
    const read = await readZipBuffer(await buildZip(files));
    expect(read.entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    expect(read.entries.map((e) => e.data.toString())).toEqual(files.map((f) => f.data.toString()));
  });

  it('refuses to write one name twice', async () => {
    await expect(buildZip([files[0]!, { ...files[0]!, name: 'CUSTOMIZATIONS.xml' }])).rejects.toThrow(/given twice/);
  });

  it.each([
    [{ SOURCE_DATE_EPOCH: '1700000000' }, new Date(1_700_000_000_000)],
    [{ SOURCE_DATE_EPOCH: '0' }, FIXED_ZIP_DATE],
    [{ SOURCE_DATE_EPOCH: 'soon' }, FIXED_ZIP_DATE],
    [{}, FIXED_ZIP_DATE],
  ])('takes the timestamp from %j', (env, expected) => {
    expect(reproducibleDate(env)).toEqual(expected);
  });

  it('writes a file through a temp file, leaving nothing else beside it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ppkit-zip-'));
    try {
      await writeZipFile(join(folder, 'a.zip'), files);
      expect((await readZipFile(join(folder, 'a.zip'))).entries).toHaveLength(3);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const big = Buffer.alloc(4 * 1024 * 1024, 0x41);

describe('reading hostile zips', () => {
  it.each<[string, CraftEntry[], RegExp]>([
    ['zip-slip', [{ name: '../../etc/cron.d/x', data: Buffer.from('x') }], /outside the target folder \(zip-slip\)/],
    ['zip-slip inside a path', [{ name: 'Workflows/../../x.json', data: Buffer.from('x') }], /zip-slip/],
    ['zip-slip with backslashes', [{ name: '..\\..\\x.json', data: Buffer.from('x') }], /zip-slip/],
    ['absolute path', [{ name: '/etc/passwd', data: Buffer.from('x') }], /absolute path/],
    ['drive letter', [{ name: 'C:/Windows/x.dll', data: Buffer.from('x') }], /absolute path/],
    ['NUL in a name', [{ name: 'a\0.xml', data: Buffer.from('x') }], /NUL/],
    ['symbolic link', [{ name: 'link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }], /symbolic link/],
    ['duplicate entries', [{ name: 'solution.xml', data: Buffer.from('a') }, { name: 'solution.xml', data: Buffer.from('b') }], /appears twice/],
    ['duplicates differing in case', [{ name: 'Solution.xml', data: Buffer.from('a') }, { name: 'solution.xml', data: Buffer.from('b') }], /appears twice/],
    ['encrypted entry', [{ name: 'secret.xml', data: Buffer.from('xxxxxxxx'), deflate: true, flags: 0x1 }], /encrypted/],
    ['unknown compression', [{ name: 'a.xml', data: Buffer.from('x'), method: 14 }], /compression method 14/],
    ['high ratio (zip bomb)', [{ name: 'bomb.xml', data: big, deflate: true }], /expands \d+:1/],
    ['size lie (declared small, real big)', [{ name: 'lie.xml', data: Buffer.alloc(300_000, 0x42), deflate: true, declaredSize: 10 }], /not a readable zip|cannot read entry|expands/],
    ['overlapping entries', [{ name: 'a.xml', data: Buffer.from('aaaa'), deflate: false }, { name: 'b.xml', data: Buffer.from('aaaa'), reuseOffsetOf: 0 }], /overlap|appears|not a readable/],
  ])('refuses %s', async (_case, entries, message) => {
    await expect(readZipBuffer(craftZip(entries), {}, 'evil.zip')).rejects.toThrow(message);
  });

  it('refuses a zip whose entries together pass the total limit', async () => {
    const zip = craftZip([1, 2, 3].map((n) => ({ name: `p${n}.bin`, data: Buffer.alloc(1000, n) })));
    await expect(readZipBuffer(zip, { maxTotalBytes: 2500 })).rejects.toThrow(/in total/);
  });

  it('refuses an entry larger than the per-entry limit', async () => {
    const zip = craftZip([{ name: 'large.bin', data: Buffer.alloc(5000, 1) }]);
    await expect(readZipBuffer(zip, { maxEntryBytes: 4000 })).rejects.toThrow(/per entry/);
  });

  it('refuses too many entries', async () => {
    const zip = craftZip(Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    await expect(readZipBuffer(zip, { maxEntries: 10 })).rejects.toThrow(/12 entries/);
  });

  it('refuses something that is not a zip, naming the file', async () => {
    await expect(readZipBuffer(Buffer.from('hello'), {}, 'x.zip')).rejects.toThrow(/not a readable zip/);
  });

  it('reads a well-made crafted zip and skips folder entries', async () => {
    const read = await readZipBuffer(craftZip([{ name: 'Workflows/' }, { name: 'Workflows/a.json', data: Buffer.from('{}'), deflate: true }]));
    expect(read.entries.map((e) => e.name)).toEqual(['Workflows/a.json']);
  });

  it('reports a missing file clearly', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ppkit-zip-'));
    try {
      await expect(readZipFile(join(folder, 'none.zip'))).rejects.toThrow(/not found/);
      writeFileSync(join(folder, 'x'), 'x');
      expect(existsSync(join(folder, 'x'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
