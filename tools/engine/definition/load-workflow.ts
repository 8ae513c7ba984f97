import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { InputError } from '../../core/errors.js';
import { parseJsonText, readJsonFile, readTextFile } from '../../core/read-input.js';
import { readZipFile } from '../../zip/index.js';
import type { ConnectionReference, LoadedWorkflow, WorkflowDefinition } from './types.js';

const GUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/**
 * Turns the JSON of one flow into a LoadedWorkflow. Accepts the three shapes flows travel in:
 * a solution's `Workflows/<Name>-<GUID>.json` (`properties.definition` + `properties.connectionReferences`),
 * a legacy package's `definition.json` (same `properties` shape), or a bare WDL definition
 * (`{triggers, actions}` at the top, as the designer's code view shows it).
 */
export function workflowFromJson(value: unknown, file: string, fallbackName: string): LoadedWorkflow {
  if (!isObject(value)) throw new InputError('expected a JSON object holding a flow (properties.definition) or a workflow definition', { file });
  const properties = isObject(value.properties) ? value.properties : undefined;
  let definition: unknown;
  let pointer: string;
  if (properties && 'definition' in properties) {
    definition = properties.definition;
    pointer = '/properties/definition';
  } else if ('definition' in value && isObject(value.definition)) {
    definition = value.definition;
    pointer = '/definition';
  } else {
    definition = value;
    pointer = '';
  }
  if (!isObject(definition) || (!('actions' in definition) && !('triggers' in definition))) {
    throw new InputError('expected a workflow definition with "triggers" and "actions"', { file, pointer: pointer || '/' });
  }
  const references = properties && isObject(properties.connectionReferences) ? (properties.connectionReferences as Record<string, ConnectionReference>) : {};
  const displayName = properties && typeof properties.displayName === 'string' ? properties.displayName : undefined;
  const id = GUID.exec(basename(file))?.[1]?.toLowerCase();
  return { name: displayName ?? fallbackName, id, definition: definition as WorkflowDefinition, connectionReferences: references, file, definitionPointer: pointer };
}

/** Loads one flow file (`flow.json`) or one flow of a solution (`solution.zip#FlowName`, `SolutionFolder#FlowName`). */
export async function loadWorkflow(spec: string): Promise<{ workflow: LoadedWorkflow; solution?: LoadedSolution }> {
  const hash = spec.lastIndexOf('#');
  if (hash > 0) {
    const source = spec.slice(0, hash);
    const flowName = spec.slice(hash + 1);
    const solution = await loadSolution(source);
    return { workflow: solution.find(flowName), solution };
  }
  if (isFolder(spec) || /\.zip$/i.test(spec)) {
    const solution = await loadSolution(spec);
    if (solution.workflows.length === 1) return { workflow: solution.workflows[0] as LoadedWorkflow, solution };
    throw new InputError(`the solution holds ${solution.workflows.length} flows; name one as ${spec}#<FlowName> (${solution.workflows.map((w) => w.name).join(', ')})`, { file: spec });
  }
  const value = readJsonFile(spec);
  return { workflow: workflowFromJson(value, spec, flowNameFromFile(spec)) };
}

/** The flows of a solution (zip or unpacked folder) and its environment variable values. */
export interface LoadedSolution {
  source: string;
  workflows: LoadedWorkflow[];
  environmentVariables: Record<string, unknown>;
  /** Finds a flow by display name, file name (with or without the GUID) or workflow id; case-insensitive. */
  find(name: string): LoadedWorkflow;
}

export async function loadSolution(source: string): Promise<LoadedSolution> {
  const files = isFolder(source) ? readFolderFiles(source) : await readZipFlows(source);
  const text = (name: string) => files.get(name)?.toString('utf8').replace(/^\uFEFF/, '');
  const prefix = [...files.keys()].some((n) => n.startsWith('src/Workflows/')) ? 'src/' : '';
  const displayNames = workflowDisplayNames(text(`${prefix}Other/Customizations.xml`) ?? text('customizations.xml') ?? text(`${prefix}customizations.xml`));
  // Unpacked solutions (SolutionPackager layout) keep each flow's name in Workflows/<file>.json.data.xml.
  for (const name of files.keys()) {
    if (!/(^|\/)Workflows\/[^/]+\.data\.xml$/i.test(name)) continue;
    for (const [id, shown] of workflowDisplayNames(text(name))) if (!displayNames.has(id)) displayNames.set(id, shown);
  }
  const environmentVariables = readEnvironmentVariables(files, text);
  const workflows: LoadedWorkflow[] = [];
  for (const name of [...files.keys()].sort()) {
    if (!/(^|\/)Workflows\/[^/]+\.json$/i.test(name)) continue;
    const where = `${source}#${name}`;
    const workflow = workflowFromJson(parseJsonText(text(name) ?? '', where), where, flowNameFromFile(name));
    const shown = workflow.id ? displayNames.get(workflow.id) : undefined;
    workflows.push({ ...workflow, name: shown ?? workflow.name, environmentVariables });
  }
  // A legacy flow package (My flows > Export > Package): Microsoft.Flow/flows/<package>/definition.json per flow.
  for (const name of [...files.keys()].sort()) {
    if (!PACKAGE_DEFINITION.test(name)) continue;
    const where = `${source}#${name}`;
    workflows.push(workflowFromJson(parseJsonText(text(name) ?? '', where), where, name.split('/')[2] ?? 'flow'));
  }
  if (workflows.length === 0) throw new InputError('no flows found: expected a solution (Workflows/*.json) or a flow package (Microsoft.Flow/flows/<package>/definition.json)', { file: source });
  return {
    source,
    workflows,
    environmentVariables,
    find(name) {
      const wanted = name.toLowerCase();
      const found = workflows.find((w) => w.name.toLowerCase() === wanted || w.id === wanted.replace(/[{}]/g, '') || (w.file && matchesFileName(w.file, wanted)));
      if (!found) throw new InputError(`no flow named "${name}" in the solution; it has: ${workflows.map((w) => w.name).join(', ')}`, { file: source });
      return found;
    },
  };
}

function matchesFileName(file: string, wanted: string): boolean {
  const base = basename(file.split('#').pop() ?? file).replace(/\.json$/i, '').toLowerCase();
  return base === wanted || base.replace(/-[0-9a-f-]{36}$/i, '') === wanted;
}

function flowNameFromFile(file: string): string {
  const base = basename(file).replace(/\.json$/i, '');
  return base.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '') || base;
}

/** The entries of a solution zip the engine needs, read with the shared hostile-zip checks. */
async function readZipFlows(source: string): Promise<Map<string, Buffer>> {
  const zip = await readZipFile(source);
  return new Map(zip.entries.filter((entry) => isInteresting(entry.name)).map((entry) => [entry.name, entry.data]));
}

const PACKAGE_DEFINITION = /^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/i;

function isInteresting(name: string): boolean {
  return PACKAGE_DEFINITION.test(name) || /(^|\/)Workflows\/[^/]+\.json(\.data\.xml)?$/i.test(name) || /customizations\.xml$/i.test(name) || /environmentvariable/i.test(name) || /environment_variable_values\.json$/i.test(name);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads the interesting files of an unpacked solution folder (SolutionPackager layout). */
function readFolderFiles(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string, relative: string, depth: number) => {
    if (depth > 6) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(folder, entry.name), rel, depth + 1);
      else if (entry.isFile() && isInteresting(rel)) files.set(rel, Buffer.from(readTextFile(join(folder, entry.name))));
    }
  };
  walk(root, '', 0);
  return files;
}

/** `<Workflow WorkflowId="{guid}" Name="Display name">` from customizations.xml. */
function workflowDisplayNames(xml: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!xml) return names;
  const document = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  const nodes = document.getElementsByTagName('Workflow');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes.item(i);
    const id = node?.getAttribute('WorkflowId')?.replace(/[{}]/g, '').toLowerCase();
    const name = node?.getAttribute('Name');
    if (id && name) names.set(id, name);
  }
  return names;
}

/**
 * Environment variable values a solution ships: each definition's `<defaultvalue>`, overridden by a
 * current value (`environmentvariablevalues.json` beside it, or the old root
 * `environment_variable_values.json`). Keyed by schema name.
 */
function readEnvironmentVariables(files: Map<string, Buffer>, text: (name: string) => string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of [...files.keys()].sort()) {
    const match = /environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.xml$/i.exec(name);
    if (!match) continue;
    const document = new DOMParser({ onError: () => undefined }).parseFromString(text(name) ?? '', 'text/xml');
    const root = document.documentElement;
    const schema = root?.getAttribute('schemaname') || (match[1] as string);
    const type = root?.getElementsByTagName('type').item(0)?.textContent?.trim();
    const defaultValue = root?.getElementsByTagName('defaultvalue').item(0)?.textContent;
    if (defaultValue !== undefined && defaultValue !== null) values[schema] = typedEnvironmentValue(defaultValue, type);
    const current = text(name.replace(/environmentvariabledefinition\.xml$/i, 'environmentvariablevalues.json'));
    if (current) {
      const value = findValue(parseJsonText(current, name));
      if (value !== undefined) values[schema] = typedEnvironmentValue(String(value), type);
    }
  }
  const legacy = [...files.keys()].find((n) => /environment_variable_values\.json$/i.test(n));
  if (legacy) {
    const parsed = parseJsonText(text(legacy) ?? '', legacy) as { EnvironmentVariableValues?: Array<Record<string, unknown>> };
    for (const entry of parsed.EnvironmentVariableValues ?? []) {
      const schema = entry['EnvironmentVariableDefinition.SchemaName'] ?? entry.SchemaName;
      if (typeof schema === 'string' && 'Value' in entry) values[schema] = entry.Value;
    }
  }
  return values;
}

function findValue(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if ('value' in value && typeof value.value !== 'object') return value.value;
  for (const child of Object.values(value)) {
    const found = findValue(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Type codes: 100000000 String, 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data source, 100000005 Secret. */
function typedEnvironmentValue(text: string, type: string | undefined): unknown {
  if (type === '100000001' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === '100000002') return /^(true|yes|1)$/i.test(text.trim());
  if (type === '100000003') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
