import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '../core/errors.js';
import { parseJsonText } from '../core/read-input.js';
import { loadSolution, type LoadedSolution } from '../engine/index.js';
import type { TableDefinition, ColumnDefinition } from '../mocks/dataverse/index.js';
import { childElements, childText, firstChild, type XmlElement } from '../xml/index.js';
import { parseXml } from '../xml/index.js';
import { readZipFile } from '../zip/index.js';

/**
 * A solution as the simulator imports it, from the zip itself (or an unpacked SolutionPackager
 * folder): its flows, environment variable defaults, the custom connectors it ships and the tables
 * it defines. Nothing is taken from ppkit's sources: what runs is what would be imported.
 */
export interface ImportedSolution {
  source: string;
  uniqueName: string;
  version: string;
  flows: LoadedSolution;
  /** Custom connector swaggers in the solution, by connector name (`admin_5Foffice-20365-20management-20api`). */
  connectors: Map<string, Record<string, unknown>>;
  tables: TableDefinition[];
}

export async function importSolution(source: string): Promise<ImportedSolution> {
  if (!existsSync(source)) throw new InputError('solution not found: expected a solution zip or an unpacked solution folder', { file: source });
  const files = statSync(source).isDirectory() ? readFolder(source) : new Map((await readZipFile(source)).entries.map((e) => [e.name, e.data]));
  const text = (name: string) => files.get(name)?.toString('utf8');
  const find = (pattern: RegExp) => [...files.keys()].find((name) => pattern.test(name));
  const solutionXml = find(/^(src\/)?(Other\/)?solution\.xml$/i);
  const customizationsXml = find(/^(src\/)?(Other\/)?customizations\.xml$/i);
  if (!solutionXml) throw new InputError('not a solution: no solution.xml (or Other/Solution.xml) in it', { file: source });
  const manifest = firstChild(parseXml(text(solutionXml)!, { file: `${source}#${solutionXml}` }).root, 'SolutionManifest');
  const uniqueName = manifest ? (childText(manifest, 'UniqueName') ?? '') : '';
  const version = manifest ? (childText(manifest, 'Version') ?? '') : '';
  const customizations = customizationsXml ? parseXml(text(customizationsXml)!, { file: `${source}#${customizationsXml}` }).root : undefined;
  return {
    source,
    uniqueName,
    version,
    flows: await loadSolution(source),
    connectors: readConnectors(files, source),
    tables: customizations ? readTables(customizations) : [],
  };
}

/** `Connector/<name>_openapidefinition.json` (zip) or `Connectors/...` (unpacked). */
function readConnectors(files: Map<string, Buffer>, source: string): Map<string, Record<string, unknown>> {
  const connectors = new Map<string, Record<string, unknown>>();
  for (const [name, data] of files) {
    const match = /(?:^|\/)Connectors?\/(.+)_openapidefinition\.json$/i.exec(name);
    if (!match) continue;
    const swagger = parseJsonText(data.toString('utf8').replace(/^\uFEFF/, ''), `${source}#${name}`);
    if (swagger && typeof swagger === 'object') connectors.set(match[1]!, swagger as Record<string, unknown>);
  }
  return connectors;
}

/** Dataverse column types by the `<Type>` customizations.xml gives an attribute. */
const ATTRIBUTE_TYPES: Record<string, ColumnDefinition['type']> = {
  nvarchar: 'string',
  ntext: 'memo',
  int: 'int',
  bigint: 'bigint',
  decimal: 'decimal',
  float: 'float',
  money: 'decimal',
  bit: 'bool',
  datetime: 'datetime',
  uniqueidentifier: 'guid',
  picklist: 'choice',
  state: 'choice',
  status: 'choice',
};

/** Table definitions from `<Entities><Entity>` of customizations.xml (custom columns; lookups need a target and are skipped). */
function readTables(customizations: XmlElement): TableDefinition[] {
  const entities = firstChild(customizations, 'Entities');
  if (!entities) return [];
  const tables: TableDefinition[] = [];
  for (const entity of childElements(entities, 'Entity')) {
    const info = firstChild(entity, 'EntityInfo');
    const inner = info ? firstChild(info, 'entity') : undefined;
    if (!inner) continue;
    const attributes = firstChild(inner, 'attributes');
    let primaryId: string | undefined;
    let primaryName: string | undefined;
    const columns: Record<string, ColumnDefinition> = {};
    for (const attribute of attributes ? childElements(attributes, 'attribute') : []) {
      const logicalName = childText(attribute, 'LogicalName')?.trim();
      const type = childText(attribute, 'Type')?.trim().toLowerCase();
      if (!logicalName || !type) continue;
      if (type === 'primarykey') {
        primaryId = logicalName;
        continue;
      }
      if ((childText(attribute, 'DisplayMask') ?? '').includes('PrimaryName')) primaryName = logicalName;
      const kind = ATTRIBUTE_TYPES[type];
      if (kind) columns[logicalName] = { type: kind };
    }
    const logicalName = (childText(entity, 'Name') ?? inner.attributes.find(([k]) => k === 'Name')?.[1] ?? '').trim().toLowerCase();
    const entitySetName = childText(inner, 'EntitySetName')?.trim() || undefined;
    if (!logicalName) continue;
    tables.push({ logicalName, entitySetName, primaryId, primaryName, columns });
  }
  return tables;
}

/** Every file of an unpacked solution folder, by forward-slash relative path (bounded in size). */
function readFolder(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let total = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const data = readFileSync(path);
        total += data.length;
        if (total > 1024 * 1024 * 1024) throw new InputError('solution folder is larger than 1 GiB', { file: folder });
        files.set(relative(folder, path).split(sep).join('/'), data);
      }
    }
  };
  walk(folder);
  return files;
}
