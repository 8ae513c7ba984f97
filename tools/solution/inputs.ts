import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../core/errors.js';
import { readJsonFile, parseJsonText } from '../core/read-input.js';
import type { ConnectorBuild } from './components/connector.js';
import { flowGuid, workflowFileName } from './components/workflow.js';
import type { SolutionInputs } from './compose.js';
import { loadSolutionSource, type SolutionSource } from './model.js';

export interface InputLocations {
  /** solution/solution.yaml */
  sourceFile: string;
  /** dist/connector (holds <slug>/public/ from `ppkit connector build`). */
  connectorDir: string;
  /** dist/flows (from `ppkit flow render`). */
  flowsDir: string;
}

/** The connector's build folder: `<connectorDir>/<source file stem>/public`. */
export function connectorBuildDir(source: SolutionSource, connectorDir: string): string {
  const stem = basename(source.connector?.source ?? 'connector', '.yaml').replace(/\.yml$/, '');
  return join(connectorDir, stem, 'public');
}

export function loadConnectorBuild(folder: string): ConnectorBuild {
  const swaggerPath = join(folder, 'apiDefinition.swagger.json');
  const propertiesPath = join(folder, 'apiProperties.json');
  for (const path of [swaggerPath, propertiesPath]) {
    if (!existsSync(path)) throw new InputError('connector build output is missing: run `ppkit connector build` first', { file: path });
  }
  // Parse both to be sure they are JSON; the swagger's bytes go into the solution unchanged.
  readJsonFile(swaggerPath);
  const iconPath = join(folder, 'icon.png');
  return {
    swagger: readFileSync(swaggerPath),
    apiProperties: readJsonFile(propertiesPath),
    icon: existsSync(iconPath) ? readFileSync(iconPath) : undefined,
  };
}

/** Every .json file under `folder` (two levels: flows may sit in `Workflows/`). */
function jsonFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory() && depth < 2) walk(path, depth + 1);
      else if (stat.isFile() && name.toLowerCase().endsWith('.json')) found.push(path);
    }
  };
  walk(folder, 0);
  return found;
}

/**
 * Finds each flow's rendered JSON in the flows folder: the file named as the solution names it
 * (`<Name>-<GUID>.json`), or any JSON file whose name holds the flow's GUID.
 */
export function loadFlows(source: SolutionSource, flowsDir: string): Map<string, Buffer> {
  const files = jsonFilesUnder(flowsDir);
  const flows = new Map<string, Buffer>();
  for (const flow of source.flows) {
    const guid = flowGuid(flow.name);
    const expected = basename(workflowFileName(flow.name, guid)).toLowerCase();
    const path = files.find((f) => basename(f).toLowerCase() === expected) ?? files.find((f) => basename(f).toLowerCase().includes(guid));
    if (!path) {
      const seen = files.map((f) => relative(flowsDir, f)).join(', ') || 'no JSON files';
      throw new InputError(`no rendered flow "${flow.name}" (expected ${expected}; found ${seen}): run \`ppkit flow render\` first`, { file: flowsDir });
    }
    const bytes = readFileSync(path);
    parseJsonText(bytes.toString('utf8'), path);
    flows.set(flow.name, bytes);
  }
  return flows;
}

export function loadSolutionInputs(locations: InputLocations): SolutionInputs {
  const source = loadSolutionSource(locations.sourceFile);
  return {
    source,
    connector: source.connector ? loadConnectorBuild(connectorBuildDir(source, locations.connectorDir)) : undefined,
    flows: loadFlows(source, locations.flowsDir),
  };
}
