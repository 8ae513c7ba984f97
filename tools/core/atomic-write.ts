import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';

/**
 * Writes a file so that readers see either the old content or the whole new one, never half:
 * write a temp file beside the target, then rename over it (rename is atomic on one filesystem).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = tempPathBeside(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw cannotWrite(path, error);
  }
}

/** A temp path beside `path` for writers that stream (zips): finish with `renameSync(temp, path)`. */
export function tempPathBeside(path: string): string {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw cannotWrite(path, error);
  }
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Why a file could not be written, by the filesystem's error code, in the user's words. */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist and cannot be created',
  EEXIST: 'a part of its folder path is a file, not a folder',
  ENOTDIR: 'a part of its folder path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/**
 * A filesystem error met while writing `path`, as an error the user can act on: the file named and
 * why (the CLI prints it as one line, no stack). Any other error is returned as it is.
 */
export function cannotWrite(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  const reason = typeof code === 'string' && Object.hasOwn(WRITE_FAILURES, code) ? WRITE_FAILURES[code] : undefined;
  return reason === undefined ? error : new InputError(`cannot write the file: ${reason}`, { file: path });
}
