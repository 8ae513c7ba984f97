import { InputError } from '../core/errors.js';
import { writeZipFile, type WriteZipOptions } from '../zip/index.js';
import { folderToZip, zipToFolder, type PackageType } from './layout.js';
import { findSecrets } from './secrets.js';
import { isUnzippedSolution, readSolutionFolder, readSolutionZip, writeFolderAtomically } from './storage.js';

export interface UnpackResult {
  folder: string;
  files: number;
}

/** `ppkit solution unpack`: zip -> SolutionPackager folder, written whole or not at all. */
export async function unpackSolution(zipPath: string, folder: string, options: { force?: boolean } = {}): Promise<UnpackResult> {
  const files = zipToFolder(await readSolutionZip(zipPath));
  writeFolderAtomically(folder, files, options.force);
  return { folder, files: files.size };
}

export interface PackFolderResult {
  zip: string;
  entries: number;
  bytes: number;
}

/** `ppkit solution pack --from <folder>`: SolutionPackager folder -> zip (deterministic). */
export async function packFolder(folder: string, zipPath: string, packageType?: PackageType, options: WriteZipOptions = {}): Promise<PackFolderResult> {
  const read = readSolutionFolder(folder);
  if (isUnzippedSolution(read)) throw new InputError('this folder is an unzipped solution (solution.xml at the top), not a SolutionPackager folder (Other/Solution.xml): zip its files as they are, or `ppkit solution unpack` the zip', { file: folder });
  const files = folderToZip(read, packageType);
  const secrets = findSecrets(files);
  if (secrets.length > 0) throw new InputError(`refusing to pack a file holding a secret (${secrets[0]!.where})`, { file: secrets[0]!.entry });
  const bytes = await writeZipFile(zipPath, [...files].map(([name, data]) => ({ name, data })), options);
  return { zip: zipPath, entries: files.size, bytes: bytes.length };
}
