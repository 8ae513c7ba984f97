import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError, UsageError } from '../core/errors.js';
import { checkEntryName, readZipFile, DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip/index.js';
import type { PackageFiles } from './package-files.js';
import { folderToZip } from './layout.js';

/** Reads a solution zip (hostile until proven otherwise) into package files, in the zip's order. */
export async function readSolutionZip(path: string, limits: Partial<ZipLimits> = {}): Promise<PackageFiles> {
  const read = await readZipFile(path, limits);
  return new Map(read.entries.map((entry) => [entry.name, entry.data]));
}

/**
 * The folder holding Other/Solution.xml: the folder itself, or its `src/` (the layout of
 * `pac solution init` projects, next to the .cdsproj).
 */
export function resolveSolutionFolder(folder: string): string {
  if (!existsSync(join(folder, 'Other', 'Solution.xml')) && existsSync(join(folder, 'src', 'Other', 'Solution.xml'))) return join(folder, 'src');
  return folder;
}

/**
 * Reads a solution folder into a path -> bytes map (forward slashes). Symbolic links are refused
 * rather than followed: a link in a checked-in folder could pull any file of the machine into a zip.
 */
export function readSolutionFolder(given: string, limits: Partial<ZipLimits> = {}): Map<string, Buffer> {
  const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const folder = resolveSolutionFolder(given);
  const stat = statOrNull(folder);
  if (!stat?.isDirectory()) throw new InputError('expected a solution folder (with Other/Solution.xml)', { file: folder });
  const files = new Map<string, Buffer>();
  let total = 0;
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const entry = lstatSync(path);
      if (entry.isSymbolicLink()) throw new InputError('symbolic links are not packed (they could pull in files from outside the folder)', { file: path });
      if (entry.isDirectory()) {
        walk(path, relative);
        continue;
      }
      if (!entry.isFile()) throw new InputError('not a regular file', { file: path });
      if (entry.size > all.maxEntryBytes) throw new InputError(`file is ${entry.size} bytes, more than the ${all.maxEntryBytes} allowed`, { file: path });
      total += entry.size;
      if (total > all.maxTotalBytes) throw new InputError(`the folder holds more than the ${all.maxTotalBytes} bytes allowed`, { file: folder });
      if (files.size >= all.maxEntries) throw new InputError(`the folder holds more than the ${all.maxEntries} files allowed`, { file: folder });
      files.set(relative, readFileSync(path));
    }
  };
  walk(folder, '');
  return files;
}

/**
 * Reads a zip or an unpacked folder, giving zip-layout package files either way. `zipLayout`: the
 * folder already has the zip's own layout (an unzipped export: solution.xml and customizations.xml
 * at the top, as many repositories keep them; or an unzipped flow package).
 */
export async function readSolutionPackage(path: string): Promise<{ files: PackageFiles; kind: 'zip' | 'folder'; zipLayout: boolean }> {
  const stat = statOrNull(path);
  if (!stat) throw new InputError('no such file or folder', { file: path });
  if (stat.isDirectory()) {
    const folder = readSolutionFolder(path);
    if (isFlowPackageLayout(folder) || isUnzippedSolution(folder)) return { files: folder, kind: 'folder', zipLayout: true };
    if (!folder.has('Other/Solution.xml')) throw new InputError('not a solution: no Other/Solution.xml (SolutionPackager folder), solution.xml (unzipped export) or manifest.json (flow package) in this folder', { file: path });
    return { files: folderToZip(folder), kind: 'folder', zipLayout: false };
  }
  return { files: await readSolutionZip(path), kind: 'zip', zipLayout: true };
}

/** An unzipped solution export: the zip's solution.xml at the top and no SolutionPackager Other/Solution.xml. */
export function isUnzippedSolution(folder: Map<string, Buffer>): boolean {
  return folder.has('solution.xml') && !folder.has('Other/Solution.xml');
}

function isFlowPackageLayout(folder: Map<string, Buffer>): boolean {
  return folder.has('manifest.json') && !folder.has('Other/Solution.xml') && [...folder.keys()].some((name) => name.startsWith('Microsoft.Flow/'));
}

function statOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Writes files into `target` all at once: everything goes into a fresh temp folder beside it, which
 * is renamed into place only when complete. An existing non-empty target is replaced only with
 * `force` (and only after the new folder is complete).
 */
export function writeFolderAtomically(target: string, files: Map<string, Buffer>, force = false): void {
  const absolute = resolve(target);
  const existing = statOrNull(absolute);
  if (existing && !existing.isDirectory()) throw new UsageError(`${target} exists and is not a folder`);
  if (existing && readdirSync(absolute).length > 0 && !force) throw new UsageError(`${target} is not empty: pass --force to replace it`);
  mkdirSync(dirname(absolute), { recursive: true });
  const temp = join(dirname(absolute), `.${randomBytes(6).toString('hex')}.unpack.tmp`);
  try {
    for (const [name, bytes] of files) {
      const checked = checkEntryName(name);
      if ('refused' in checked) throw new InputError(checked.refused, { file: name });
      const path = join(temp, ...checked.name.split('/'));
      // Belt and braces: after joining, the path must still be inside the temp folder.
      if (!resolve(path).startsWith(resolve(temp) + '/')) throw new InputError(`entry "${name}" points outside the target folder (zip-slip)`, { file: name });
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes, { flag: 'wx' });
    }
    if (existing) {
      const old = `${temp}.old`;
      renameSync(absolute, old);
      renameSync(temp, absolute);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, absolute);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

export function exists(path: string): boolean {
  return existsSync(path);
}
