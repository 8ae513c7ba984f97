/**
 * Solution packing and unpacking: ppkit's pack (compose + deterministic zip) and unpack (hostile-zip
 * checks + SolutionPackager layout + atomic folder) against plain archiver / yauzl on the same files,
 * for the CoE solution and for a 50 MB synthetic solution.
 */
import * as archiverModule from 'archiver';
import yauzl from 'yauzl';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { measure, printComparison, printFigure } from './harness.js';
import { composeSolution } from '../tools/solution/compose.js';
import { loadSolutionInputs } from '../tools/solution/inputs.js';
import { folderToZip, zipToFolder } from '../tools/solution/layout.js';
import { packSolution } from '../tools/solution/pack.js';
import { unpackSolution } from '../tools/solution/unpack.js';
import { buildZip } from '../tools/zip/index.js';
import { projectRoot } from '../tools/core/paths.js';
import type { PackageFiles } from '../tools/solution/package-files.js';

// From the project root, so that the bench runs from the build as from sources.
const root = projectRoot();
const fixtures = join(root, 'test', 'solution', 'fixtures', 'dist');

/** Baseline writer: archiver as its README shows it, same files, same order, default options. */
async function plainArchiver(files: PackageFiles): Promise<Buffer> {
  const archive = (archiverModule as unknown as { default: (format: string, options: object) => archiverModule.Archiver }).default('zip', { zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (c: Buffer) => chunks.push(c));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    archive.on('error', reject);
  });
  for (const [name, data] of files) archive.append(data, { name });
  await archive.finalize();
  return done;
}

/** Baseline reader: yauzl reading every entry and writing it to disk, no checks, no layout change. */
async function plainYauzl(zipPath: string, folder: string): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const path = join(folder, entry.fileName);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** A 50 MB solution: 200 flows of ~250 kB JSON (real-looking, so it compresses like real flows). */
function syntheticSolution(base: PackageFiles): PackageFiles {
  const folder = zipToFolder(base);
  const template = folder.get([...folder.keys()].find((n) => n.endsWith('.json.data.xml'))!)!.toString('utf8');
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 200; i++) {
    const id = `${(0x10000000 + i).toString(16)}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const file = `Workflows/SyntheticFlow${i}-${id.toUpperCase()}.json`;
    const actions: Record<string, unknown> = {};
    for (let a = 0; a < 1750; a++) {
      actions[`Compose_${a}`] = { runAfter: a ? { [`Compose_${a - 1}`]: ['Succeeded'] } : {}, type: 'Compose', inputs: { id: Math.floor(random() * 1e9).toString(36), text: `@concat('row ${a}', string(${Math.floor(random() * 1e6)}))` } };
    }
    folder.set(file, Buffer.from(JSON.stringify({ properties: { connectionReferences: {}, definition: { triggers: { manual: { type: 'Request', kind: 'Button' } }, actions } }, schemaVersion: '1.0.0.0' })));
    folder.set(`${file}.data.xml`, Buffer.from(template.replace(/WorkflowId="\{[^}]+\}"/, `WorkflowId="{${id}}"`).replace(/Name="[^"]+"/, `Name="Synthetic Flow ${i}"`).replace(/<JsonFileName>[^<]+</, `<JsonFileName>/${file}<`)));
  }
  return folderToZip(folder);
}

export async function run(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ppkit-bench-solution-'));
  try {
    const inputs = loadSolutionInputs({ sourceFile: join(root, 'solution', 'solution.yaml'), connectorDir: join(fixtures, 'connector'), flowsDir: join(fixtures, 'flows') });
    const files = composeSolution(inputs, true);

    const packOurs = await measure('ppkit pack (managed+unmanaged, compose+zip+write)', () => packSolution(inputs, join(work, 'ours')), { minMs: 1500 });
    const packBase = await measure('archiver x2 (same files, in memory)', async () => {
      await plainArchiver(files);
      await plainArchiver(files);
    }, { minMs: 1500 });
    printComparison('pack CoE solution', packOurs, packBase);
    printFigure('pack CoE solution: one ppkit pack (both zips)', `${(1000 / packOurs.perSecond).toFixed(0)} ms (goal <= 500 ms)`);

    const zipPath = join(work, 'ours', 'CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    let n = 0;
    const unpackOurs = await measure('ppkit unpack (checks+layout+atomic folder)', () => unpackSolution(zipPath, join(work, `u${n++}`)), { minMs: 1500 });
    const unpackBase = await measure('yauzl read+write', () => plainYauzl(zipPath, join(work, `b${n++}`)), { minMs: 1500 });
    printComparison('unpack CoE solution', unpackOurs, unpackBase);

    const big = syntheticSolution(files);
    const bigBytes = [...big.values()].reduce((sum, b) => sum + b.length, 0);
    printFigure('synthetic solution', `${big.size} files, ${(bigBytes / 1e6).toFixed(1)} MB`);
    const bigZip = join(work, 'big.zip');
    const bigOurs = await measure('ppkit zip (deterministic)', async () => writeFileSync(bigZip, await buildZip([...big].map(([name, data]) => ({ name, data })))), { minMs: 1, warmupCalls: 1 });
    const bigBase = await measure('archiver', () => plainArchiver(big), { minMs: 1, warmupCalls: 1 });
    printComparison('pack 50 MB solution', bigOurs, bigBase);
    printFigure('pack 50 MB solution', `${(1000 / bigOurs.perSecond).toFixed(0)} ms`);
    const bigUnpack = await measure('ppkit unpack', () => unpackSolution(bigZip, join(work, `bu${n++}`)), { minMs: 1, warmupCalls: 1 });
    const bigUnpackBase = await measure('yauzl read+write', () => plainYauzl(bigZip, join(work, `bb${n++}`)), { minMs: 1, warmupCalls: 1 });
    printComparison('unpack 50 MB solution', bigUnpack, bigUnpackBase);
    printFigure('unpack 50 MB solution', `${(1000 / bigUnpack.perSecond).toFixed(0)} ms`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
