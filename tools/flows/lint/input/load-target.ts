import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../../../core/errors.js';
import { parseJsonText, parseYamlText, readTextFile } from '../../../core/read-input.js';
import type { Diagnostic } from '../../../diagnostics/index.js';
import { readZipFile } from '../../../zip/index.js';
import { isObject } from '../../wdl/types.js';
import { workflowIdFromFileName } from '../../render/file-names.js';
import { builtInConnectors } from '../connectors/built-in.js';
import { operationsFromSwagger, type ConnectorOperations } from '../connectors/catalog.js';
import type { FlowFile } from '../engine.js';
import { FlowModel, detectShape } from '../model/flow-model.js';
import type { SolutionContext } from '../types.js';

/** What `ppkit flow lint <target>` lints: the flows, the solution around them, and files it could not read as flows. */
export interface LintTarget {
  flows: FlowFile[];
  solution: SolutionContext;
  /** Problems with the target's files themselves (bad JSON, not a flow). */
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** `--connector`: swagger files, `path` (for every custom connector) or `apiName=path`. */
  connectors?: string[];
}

/** One file of the target, from disk or from a zip. */
interface TargetFile {
  /** Path inside the target, forward slashes. */
  name: string;
  /** Label for diagnostics: the path as the user named it (`x.zip!/Workflows/a.json` for zip entries). */
  label: string;
  read(): string;
}

const MAX_FLOW_BYTES = 16 * 1024 * 1024;

/** Loads a workflow JSON file, a solution folder (unpacked or ppkit's render output), a solution zip or a legacy flow package. */
export async function loadLintTarget(target: string, options: LoadOptions = {}): Promise<LintTarget> {
  let files: TargetFile[];
  let single = false;
  if (!existsSync(target)) throw new InputError('file or folder not found', { file: target });
  if (statSync(target).isDirectory()) {
    files = listFolder(target);
  } else if (/\.zip$/i.test(target)) {
    const zip = await readZipFile(target);
    files = zip.entries.map((entry) => ({ name: entry.name, label: `${target}!/${entry.name}`, read: () => entry.data.toString('utf8').replace(/^\uFEFF/, '') }));
  } else {
    single = true;
    files = [{ name: basename(target), label: target, read: () => readTextFile(target, MAX_FLOW_BYTES) }];
  }
  const diagnostics: Diagnostic[] = [];
  const flowFiles = single ? files : files.filter((f) => isFlowPath(f.name));
  if (flowFiles.length === 0) {
    throw new InputError('no flows found: expected a workflow .json file, a solution folder or zip (Workflows/*.json), or a flow package (Microsoft.Flow/flows/*/definition.json)', { file: target });
  }
  const flows: FlowFile[] = [];
  for (const file of flowFiles) {
    const text = file.read();
    let document: unknown;
    try {
      document = parseJsonText(text, file.label);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      diagnostics.push({ code: 'invalid-json', severity: 'error', message: error.message, file: file.label, line: error.location.line, column: error.location.column });
      continue;
    }
    const shape = detectShape(document);
    if (!shape) {
      diagnostics.push({ code: 'not-a-flow', severity: 'error', message: 'not a flow: expected properties.definition (solution export or flow package), definition (workflow.json), or a definition with triggers and actions', file: file.label });
      continue;
    }
    flows.push({ file: file.label, text, model: new FlowModel(file.label, document, shape) });
  }
  const solution: SolutionContext = {
    connectors: builtInConnectors(),
    ...(single ? {} : solutionFacts(files)),
  };
  if (solution.workflowIds) {
    const workflows = new Map<string, FlowModel>();
    for (const flow of flows) {
      const id = workflowIdFromFileName(basename(flow.file));
      if (id) workflows.set(id, flow.model);
    }
    solution.workflows = workflows;
  }
  addSolutionConnectors(solution, files, flows);
  if (!single && statSync(target).isDirectory()) addRenderedConnectors(solution, target, files);
  for (const spec of options.connectors ?? []) addConnectorOption(solution, spec, flows);
  return { flows, solution, diagnostics };
}

function isFlowPath(name: string): boolean {
  return /^(?:src\/)?Workflows\/[^/]+\.json$/i.test(name) || /^legacy\/[^/]+\.json$/.test(name) || /^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/.test(name);
}

/** Every file below `folder` that the linter may read (flows, connector definitions, env var folders, manifest). */
function listFolder(folder: string): TargetFile[] {
  const files: TargetFile[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && /\.(json|xml)$/i.test(entry.name)) {
        const name = relative(folder, full).split('\\').join('/');
        files.push({ name, label: full, read: () => readTextFile(full, MAX_FLOW_BYTES) });
      }
    }
  };
  walk(folder, 0);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Workflow ids and environment variable names of the solution the flows sit in. */
function solutionFacts(files: TargetFile[]): Partial<SolutionContext> {
  const facts: Partial<SolutionContext> = {};
  const workflows = files.filter((f) => /^(?:src\/)?Workflows\/[^/]+\.json$/i.test(f.name));
  if (workflows.length > 0) {
    facts.workflowIds = new Set(workflows.map((f) => workflowIdFromFileName(f.name)).filter((id): id is string => id !== undefined));
  }
  const variables = new Set<string>();
  let sawDefinitions = false;
  for (const file of files) {
    const match = /^(?:src\/)?environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.xml$/i.exec(file.name);
    if (match) {
      sawDefinitions = true;
      variables.add(match[1]!);
    }
  }
  // ppkit's render output lists the variables its flows use in flows.json.
  const manifest = files.find((f) => f.name === 'flows.json');
  if (!sawDefinitions && manifest) {
    try {
      const value = parseJsonText(manifest.read(), manifest.label);
      if (isObject(value) && Array.isArray(value.environmentVariables)) {
        sawDefinitions = true;
        for (const v of value.environmentVariables) if (isObject(v) && typeof v.schemaName === 'string') variables.add(v.schemaName);
      }
    } catch {
      // a broken manifest only loses this check
    }
  }
  if (sawDefinitions) facts.environmentVariables = variables;
  return facts;
}

/** Custom connectors shipped in the solution: `Connector(s)/<name>_openapidefinition.json`, matched to flows through `api.logicalName`. */
function addSolutionConnectors(solution: SolutionContext, files: TargetFile[], flows: FlowFile[]): void {
  const byConnectorName = new Map<string, ConnectorOperations>();
  for (const file of files) {
    const match = /^(?:src\/)?Connectors?\/(.+)_openapidefinition\.json$/i.exec(file.name);
    if (!match) continue;
    try {
      byConnectorName.set(match[1]!, operationsFromSwagger(parseJsonText(file.read(), file.label), file.label));
    } catch {
      // an unreadable swagger only loses the operation checks
    }
  }
  if (byConnectorName.size === 0) return;
  for (const flow of flows) {
    for (const reference of flow.model.connectionReferences.values()) {
      const api = isObject(reference.api) ? reference.api : undefined;
      const apiName = typeof api?.name === 'string' ? api.name : undefined;
      if (!apiName || solution.connectors.has(apiName)) continue;
      const logicalName = typeof api?.logicalName === 'string' ? api.logicalName : undefined;
      const operations = logicalName ? byConnectorName.get(logicalName) : byConnectorName.size === 1 ? [...byConnectorName.values()][0] : undefined;
      if (operations) solution.connectors.set(apiName, operations);
    }
  }
}

/** Where `ppkit build` (the connector step) writes a connector source's public-cloud swagger. */
export function builtSwaggerPath(outDir: string, source: string): string {
  return join(outDir, 'connector', source, 'public', 'apiDefinition.swagger.json');
}

/**
 * ppkit's render output (`dist/flows` with flows.json) names the connector sources its custom
 * connectors are built from; when `ppkit build` put their swaggers beside it (`dist/connector/...`),
 * the operation checks use them without any --connector option.
 */
function addRenderedConnectors(solution: SolutionContext, folder: string, files: TargetFile[]): void {
  const manifest = files.find((f) => f.name === 'flows.json');
  if (!manifest) return;
  let value: unknown;
  try {
    value = parseJsonText(manifest.read(), manifest.label);
  } catch {
    return;
  }
  if (!isObject(value) || !Array.isArray(value.customConnectors)) return;
  for (const entry of value.customConnectors) {
    if (!isObject(entry) || typeof entry.apiName !== 'string' || typeof entry.source !== 'string' || solution.connectors.has(entry.apiName)) continue;
    if (!/^[A-Za-z0-9._-]+$/.test(entry.source)) continue;
    const swagger = builtSwaggerPath(join(folder, '..'), entry.source);
    if (!existsSync(swagger)) continue;
    try {
      solution.connectors.set(entry.apiName, operationsFromSwagger(parseJsonText(readTextFile(swagger, MAX_FLOW_BYTES), swagger), swagger));
    } catch {
      // an unreadable swagger only loses the operation checks
    }
  }
}

/** `--connector path` binds the swagger to every custom connector the flows call; `--connector shared_x=path` to one. */
function addConnectorOption(solution: SolutionContext, spec: string, flows: FlowFile[]): void {
  const at = spec.indexOf('=');
  const apiName = at > 0 ? spec.slice(0, at) : undefined;
  const path = at > 0 ? spec.slice(at + 1) : spec;
  const text = readTextFile(path, MAX_FLOW_BYTES);
  const swagger = /\.ya?ml$/i.test(path) ? parseYamlText(text, path).value : parseJsonText(text, path);
  if (!isObject(swagger) || (swagger.swagger !== '2.0' && !isObject(swagger.paths))) {
    throw new InputError('not a connector definition: expected a Swagger 2.0 document (apiDefinition.swagger.json)', { file: path });
  }
  const operations = operationsFromSwagger(swagger, path);
  if (apiName) {
    solution.connectors.set(apiName, operations);
    return;
  }
  const builtIn = builtInConnectors();
  for (const name of customApiNames(flows)) if (!builtIn.has(name)) solution.connectors.set(name, operations);
}

/** Api names the flows call, from connection references and action hosts. */
function customApiNames(flows: FlowFile[]): Set<string> {
  const names = new Set<string>();
  for (const flow of flows) {
    for (const reference of flow.model.connectionReferences.values()) {
      if (isObject(reference.api) && typeof reference.api.name === 'string') names.add(reference.api.name);
      if (typeof reference.id === 'string') names.add(reference.id.split('/').pop()!);
    }
    for (const visit of flow.model.actions) {
      const inputs = visit.action.inputs;
      if (isObject(inputs) && isObject(inputs.host) && typeof inputs.host.apiId === 'string' && inputs.host.apiId) names.add(inputs.host.apiId.split('/').pop()!);
    }
  }
  return names;
}
