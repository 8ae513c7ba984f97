import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The ppkit project root (the folder with ppkit's package.json), found from this file's location so
 * it works from sources (tools/...) and from the compiled build (build/tools/...).
 */
export function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'ppkit') return folder;
      } catch {
        // keep looking upwards
      }
    }
    folder = dirname(folder);
  }
  throw new Error('cannot find the ppkit project root');
}

/** Where build outputs go unless a command is told otherwise. */
export function defaultDistDir(): string {
  return join(projectRoot(), 'dist');
}
