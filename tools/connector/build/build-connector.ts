import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { InputError, PpkitError, UsageError, errorMessage } from '../../core/errors.js';
import { projectRoot } from '../../core/paths.js';
import { stableStringify } from '../../core/stable-json.js';
import { resolveCloud } from './clouds.js';
import { generateApiProperties } from './generate-api-properties.js';
import { CONNECTOR_FILES, generateSettings } from './generate-settings.js';
import { generateSwagger } from './generate-swagger.js';
import { renderIcon } from './icon.js';
import { loadConnectorSource, type LoadedSource } from './load-source.js';
import type { CloudName } from './source-types.js';

export interface BuildConnectorOptions {
  /** Output root; connectors go to `<outDir>/connector/<source>/<cloud>/`. */
  outDir: string;
  /** Source names (`office365-audit-logs`) or paths; default: every `connector/*.yaml`. */
  sources?: string[];
  /** Clouds to build; default: every cloud each source declares. */
  clouds?: CloudName[];
  /** Azure AD app registration client id written into apiProperties (never a secret). */
  clientId?: string;
  /** Folder holding the sources when none are named. */
  sourceDir?: string;
}

export interface BuiltConnector {
  source: string;
  name: string;
  cloud: CloudName;
  host: string;
  operations: number;
  /** Folder, relative to outDir. */
  folder: string;
  /** Files written, relative to outDir. */
  files: string[];
}

export interface BuildConnectorResult {
  built: BuiltConnector[];
  /** Clouds skipped because a source (picked by default) does not declare them. */
  skipped: { source: string; cloud: CloudName }[];
}

interface PlannedFile {
  relativePath: string;
  data: string | Buffer;
}

/**
 * Builds every selected source for every selected cloud. All files are generated and checked in
 * memory first (every swagger through @apidevtools/swagger-parser), and only then written, each
 * atomically: a bad source or a failed check leaves the output folder untouched.
 */
export async function buildConnectors(options: BuildConnectorOptions): Promise<BuildConnectorResult> {
  const explicit = options.sources !== undefined && options.sources.length > 0;
  const files = explicit ? options.sources!.map((s) => resolveSourcePath(s, options.sourceDir)) : discoverSources(options.sourceDir);
  const loaded = files.map((file) => loadConnectorSource(file));
  checkUniqueNames(loaded);

  const planned: PlannedFile[] = [];
  const built: BuiltConnector[] = [];
  const skipped: BuildConnectorResult['skipped'] = [];
  for (const item of loaded) {
    const declared = Object.keys(item.source.clouds) as CloudName[];
    const clouds = options.clouds ?? declared;
    for (const cloudName of clouds) {
      if (!declared.includes(cloudName) && !explicit) {
        skipped.push({ source: item.name, cloud: cloudName });
        continue;
      }
      const cloud = resolveCloud(item.source, cloudName, item.file, item.locate(['clouds']));
      const folder = join('connector', item.name, cloudName);
      const swagger = generateSwagger(item.source, cloud);
      await checkSwagger(swagger, item, join(folder, CONNECTOR_FILES.apiDefinition));
      const outputs: PlannedFile[] = [
        { relativePath: join(folder, CONNECTOR_FILES.apiDefinition), data: stableStringify(swagger) },
        { relativePath: join(folder, CONNECTOR_FILES.apiProperties), data: stableStringify(generateApiProperties(item.source, cloud, { clientId: options.clientId })) },
        { relativePath: join(folder, CONNECTOR_FILES.settings), data: stableStringify(generateSettings(cloud)) },
        { relativePath: join(folder, CONNECTOR_FILES.icon), data: renderIcon(item.source.connector.brandColor, item.source.connector.iconGlyph) },
      ];
      planned.push(...outputs);
      built.push({
        source: item.file,
        name: item.name,
        cloud: cloudName,
        host: cloud.host,
        operations: item.source.operations.length,
        folder,
        files: outputs.map((o) => o.relativePath),
      });
    }
  }
  if (built.length === 0) {
    throw new UsageError(`nothing to build: no source declares the cloud(s) ${(options.clouds ?? []).join(', ')}`);
  }
  for (const file of planned) writeFileAtomic(join(options.outDir, file.relativePath), file.data);
  return { built, skipped };
}

/** `connector/*.yaml` (and .yml) of the project, sorted, so builds list them in a stable order. */
export function discoverSources(sourceDir = join(projectRoot(), 'connector')): string[] {
  if (!existsSync(sourceDir)) throw new InputError('no connector sources folder', { file: sourceDir });
  const files = readdirSync(sourceDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => displayPath(join(sourceDir, f)));
  if (files.length === 0) throw new InputError('no connector sources (*.yaml) in this folder', { file: sourceDir });
  return files;
}

function resolveSourcePath(nameOrPath: string, sourceDir = join(projectRoot(), 'connector')): string {
  if (nameOrPath.includes('/') || nameOrPath.includes('\\') || /\.ya?ml$/.test(nameOrPath)) {
    return nameOrPath;
  }
  const candidate = join(sourceDir, `${nameOrPath}.yaml`);
  if (!existsSync(candidate)) {
    const known = existsSync(sourceDir) ? readdirSync(sourceDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')) : [];
    throw new UsageError(`unknown connector source "${nameOrPath}"${known.length ? `: expected one of ${known.join(', ')} or a path to a .yaml file` : ''}`);
  }
  return displayPath(candidate);
}

function checkUniqueNames(loaded: LoadedSource[]): void {
  const seen = new Map<string, string>();
  for (const item of loaded) {
    const other = seen.get(item.name);
    if (other && other !== item.file) throw new UsageError(`two sources would build into connector/${item.name}: ${other} and ${item.file}`);
    seen.set(item.name, item.file);
  }
}

async function checkSwagger(swagger: Record<string, unknown>, item: LoadedSource, output: string): Promise<void> {
  try {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(swagger) as never);
  } catch (error) {
    throw new PpkitError(`generated ${output} is not valid Swagger 2.0: ${errorMessage(error).split('\n')[0]}`, { file: item.file });
  }
}

/** A path relative to the current folder when shorter (for messages). */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}

/** `1 operation`, `7 operations`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
