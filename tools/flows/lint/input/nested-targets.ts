import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

const MAX_DEPTH = 8;
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * The flow targets inside a folder that is none itself: e.g. a repository of exported solutions and
 * flow packages (`samples/*\/sourcecode`). A folder is a target when it holds `Workflows/*.json`,
 * `Other/Solution.xml`, or a flow package's `Microsoft.Flow/flows/`; the search does not go below a
 * target, so each solution is linted with its own environment variables and connectors.
 */
export function nestedFlowTargets(root: string): string[] {
  const targets: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (depth > 0 && isFlowTarget(dir, entries)) {
      targets.push(dir);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(join(dir, entry.name), depth + 1);
    }
  };
  walk(root, 0);
  return targets;
}

function isFlowTarget(dir: string, entries: Dirent[]): boolean {
  const has = (name: string) => entries.some((e) => e.isDirectory() && e.name.toLowerCase() === name.toLowerCase());
  if (has('Other') || has('Microsoft.Flow')) return true;
  if (!has('Workflows')) return false;
  try {
    return readdirSync(join(dir, entries.find((e) => e.name.toLowerCase() === 'workflows')!.name)).some((name) => /\.json$/i.test(name));
  } catch {
    return false;
  }
}
