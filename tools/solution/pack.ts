import { InputError } from '../core/errors.js';
import { join } from 'node:path';
import { writeZipFile, type WriteZipOptions } from '../zip/index.js';
import { composeSolution, solutionZipName, type SolutionInputs } from './compose.js';
import type { PackageFiles } from './package-files.js';
import { findSecrets } from './secrets.js';

/** Writes package files as a zip, in their (fixed) order. Refuses to write a package holding a secret. */
export async function writePackage(files: PackageFiles, path: string, options: WriteZipOptions = {}): Promise<Buffer> {
  const secrets = findSecrets(files);
  if (secrets.length > 0) {
    throw new InputError(`refusing to write a package holding a secret (${secrets[0]!.where})`, { file: secrets[0]!.entry });
  }
  return writeZipFile(path, [...files].map(([name, data]) => ({ name, data })), options);
}

export interface PackedSolution {
  managed: string;
  unmanaged: string;
}

/** Packs the solution from its sources into `<outDir>/<Name>_<version>_managed.zip` and `_unmanaged.zip`. */
export async function packSolution(inputs: SolutionInputs, outDir: string, options: WriteZipOptions = {}): Promise<PackedSolution> {
  const result: Partial<PackedSolution> = {};
  for (const managed of [true, false]) {
    const path = join(outDir, solutionZipName(inputs.source, managed));
    await writePackage(composeSolution(inputs, managed), path, options);
    result[managed ? 'managed' : 'unmanaged'] = path;
  }
  return result as PackedSolution;
}
