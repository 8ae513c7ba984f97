/**
 * Turns the paths a user gives into connectors to check: a connector folder, a swagger file, or a
 * folder holding many connectors (a clone of the public connectors repository), found recursively.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';

export interface ConnectorTarget {
  /** The connector folder. */
  dir: string;
  /** The swagger file; absent when the folder has apiProperties.json but no swagger. */
  swaggerFile?: string;
  apiPropertiesFile?: string;
  scriptFile?: string;
  iconFile?: string;
  /** Parent folder name, e.g. certified-connectors / independent-publisher-connectors. */
  group?: string;
}

const SWAGGER_NAME = /^apidefinition\.swagger\.json$/i;
const API_PROPERTIES_NAME = /^apiproperties\.json$/i;
const SCRIPT_NAME = /^script\.csx$/i;
const ICON_NAME = /^icon\.png$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.github', '.vs', 'bin', 'obj']);
const MAX_DEPTH = 8;

export function discoverConnectors(paths: readonly string[]): ConnectorTarget[] {
  const targets: ConnectorTarget[] = [];
  const seen = new Set<string>();
  const add = (target: ConnectorTarget) => {
    const key = target.swaggerFile ?? target.dir;
    if (!seen.has(key)) {
      seen.add(key);
      targets.push(target);
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new InputError('no such file or folder', { file: path });
    }
    if (stat.isFile()) {
      if (!path.toLowerCase().endsWith('.json')) throw new InputError('expected a connector folder or a swagger .json file', { file: path });
      const dir = dirname(path);
      const entries = safeReadDir(dir);
      add({ dir, swaggerFile: path, ...companions(dir, entries), group: basename(dirname(dir)) || undefined });
      continue;
    }
    const before = targets.length;
    walk(path, 0, add);
    if (targets.length === before) {
      throw new InputError('not a connector: no apiDefinition.swagger.json in this folder or below it', { file: path });
    }
  }
  return targets;
}

function walk(dir: string, depth: number, add: (target: ConnectorTarget) => void): void {
  const entries = safeReadDir(dir);
  const swagger = entries.find((e) => e.isFile() && SWAGGER_NAME.test(e.name));
  const hasApiProperties = entries.some((e) => e.isFile() && API_PROPERTIES_NAME.test(e.name));
  if (swagger || hasApiProperties) {
    add({ dir, swaggerFile: swagger ? join(dir, swagger.name) : undefined, ...companions(dir, entries), group: basename(dirname(dir)) || undefined });
    return;
  }
  if (depth >= MAX_DEPTH) return;
  // Dirent.isDirectory() does not follow symbolic links, so a link loop cannot trap the walk.
  const folders = entries.filter((e) => e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)).map((e) => e.name).sort();
  for (const name of folders) walk(join(dir, name), depth + 1, add);
}

function companions(dir: string, entries: Dirent[]): Pick<ConnectorTarget, 'apiPropertiesFile' | 'scriptFile' | 'iconFile'> {
  const apiProperties = entries.find((e) => e.isFile() && API_PROPERTIES_NAME.test(e.name));
  const script = entries.find((e) => e.isFile() && SCRIPT_NAME.test(e.name));
  const icon = entries.find((e) => e.isFile() && ICON_NAME.test(e.name));
  return {
    apiPropertiesFile: apiProperties ? join(dir, apiProperties.name) : undefined,
    scriptFile: script ? join(dir, script.name) : undefined,
    iconFile: icon ? join(dir, icon.name) : undefined,
  };
}

function safeReadDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    throw new InputError('folder not readable', { file: dir });
  }
}
