import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { stableStringify } from '../../core/stable-json.js';
import { loadProjectSources, type EnvironmentVariableInfo, type ProjectSources } from './project-sources.js';
import { renderFlow, environmentVariableParameterName, type RenderedFlow } from './render-flow.js';
import { coerceParameterValue, loadFlowTemplate, type FlowTemplate } from './template.js';

/** Name of the manifest written beside the flows for the packager. */
export const FLOWS_MANIFEST = 'flows.json';

export interface RenderOptions {
  /** The ppkit project (or any folder with flows/ and solution/solution.yaml). */
  root: string;
  /** `--param name=value`, applied to every template that declares the parameter. */
  params?: Record<string, string>;
}

export interface RenderResult {
  flows: RenderedFlow[];
  sources: ProjectSources;
}

/** Every template under `<root>/flows/` (YAML, or JSON, which YAML reads too), in file-name order. */
export function listTemplates(root: string): string[] {
  const folder = join(root, 'flows');
  return readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(folder, f));
}

/** Renders every flow template of the project in memory. */
export function renderAll(options: RenderOptions): RenderResult {
  const sources = loadProjectSources(options.root);
  const templates = listTemplates(options.root).map(loadFlowTemplate);
  const params = options.params ?? {};
  for (const name of Object.keys(params)) {
    if (!templates.some((t) => t.parameters.some((p) => p.name === name))) {
      const known = [...new Set(templates.flatMap((t) => t.parameters.map((p) => p.name)))].sort();
      throw new UsageError(`--param ${name}: no flow template declares it (known: ${known.join(', ')})`);
    }
  }
  const flows = templates.map((template) => renderFlow(template, sources, overridesFor(template, params)));
  for (const listed of sources.flows) {
    if (!flows.some((f) => f.format === 'solution' && f.name === listed.name)) {
      throw new InputError(`lists the flow "${listed.name}" (template ${listed.template}), but no template in flows/ has that name`, { file: join(options.root, 'solution', 'solution.yaml') });
    }
  }
  const names = new Map<string, string>();
  for (const flow of flows) {
    const key = `${flow.format}:${flow.name}`;
    if (names.has(key)) throw new UsageError(`two templates render the flow "${flow.name}": ${names.get(key)} and ${flow.relativePath}`);
    names.set(key, flow.relativePath);
  }
  return { flows, sources };
}

function overridesFor(template: FlowTemplate, params: Record<string, string>): Map<string, string | number> {
  const overrides = new Map<string, string | number>();
  for (const parameter of template.parameters) {
    const text = params[parameter.name];
    if (text !== undefined) overrides.set(parameter.name, coerceParameterValue(parameter, text));
  }
  return overrides;
}

/**
 * Writes the rendered flows into `outDir` (Workflows/*.json, legacy/*.json) and the manifest the
 * packager reads (`flows.json`: ids, files, connection references, environment variables). Stale
 * flow files from an earlier render are removed so the folder holds exactly this render.
 */
export function writeRenderedFlows(result: RenderResult, outDir: string): string[] {
  rmSync(join(outDir, 'Workflows'), { recursive: true, force: true });
  rmSync(join(outDir, 'legacy'), { recursive: true, force: true });
  const written: string[] = [];
  for (const flow of result.flows) {
    writeFileAtomic(join(outDir, flow.relativePath), stableStringify(flow.document));
    written.push(flow.relativePath);
  }
  writeFileAtomic(join(outDir, FLOWS_MANIFEST), stableStringify(buildManifest(result)));
  written.push(FLOWS_MANIFEST);
  return written;
}

/** A custom connector the flows call, with its source under connector/ (`office365-management-api`). */
export interface CustomConnectorSource {
  apiName: string;
  source: string;
}

/** The custom connectors the rendered flows call and the connector sources they are built from. */
export function customConnectorSources(result: RenderResult): CustomConnectorSource[] {
  const found = new Map<string, string>();
  const { sources } = result;
  const sourceName = (file: string) => basename(file).replace(/\.ya?ml$/, '');
  const usedReferences = new Set(result.flows.flatMap((f) => f.connectionReferences));
  if (sources.connectorSource) {
    for (const reference of sources.connectionReferences) {
      if (reference.customConnector && usedReferences.has(reference.logicalName)) found.set(reference.connectorId.split('/').pop()!, sourceName(sources.connectorSource));
    }
  }
  for (const flow of result.flows) for (const c of flow.legacyConnections) if (c.source) found.set(c.apiName, sourceName(c.source));
  return [...found].map(([apiName, source]) => ({ apiName, source })).sort((a, b) => a.apiName.localeCompare(b.apiName));
}

function buildManifest(result: RenderResult): unknown {
  const usedVariables = new Set(result.flows.flatMap((f) => f.environmentVariables));
  return {
    customConnectors: customConnectorSources(result),
    flows: result.flows.map((flow) => ({
      name: flow.name,
      format: flow.format,
      workflowId: flow.workflowId,
      file: flow.relativePath,
      ...(flow.format === 'solution' ? { connectionReferences: flow.connectionReferences, environmentVariables: flow.environmentVariables } : {}),
    })),
    environmentVariables: result.sources.environmentVariables
      .filter((v) => usedVariables.has(v.schemaName))
      .map((v: EnvironmentVariableInfo) => ({ ...v, parameterName: environmentVariableParameterName(v) })),
  };
}
