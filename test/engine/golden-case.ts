import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parameterValuesFromJson, workflowFromJson, type ConnectionConfig, type LoadedWorkflow, type RunFlowOptions } from '../../tools/engine/index.js';

/** The golden folders (test/engine/golden/<case>): a definition, its trigger, connections, canned responses, expectations. */
export const GOLDEN = fileURLToPath(new URL('./golden', import.meta.url));
export const goldenCases = readdirSync(GOLDEN).filter((name) => existsSync(join(GOLDEN, name, 'expected.json'))).sort();

export const readCaseFile = (folder: string, file: string): unknown => (existsSync(join(folder, file)) ? JSON.parse(readFileSync(join(folder, file), 'utf8')) : undefined);

/** Replaces `{{server}}` in the connections map with the canned server's URL. */
export function withServer(value: unknown, url: string): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value).replaceAll('{{server}}', url));
}

/** How a golden case runs: its workflow, child flows, trigger, parameters and connections bound to the canned server. */
export function goldenRunOptions(name: string, serverUrl: string, now: string | undefined): RunFlowOptions {
  const folder = join(GOLDEN, name);
  const childFolder = join(folder, 'children');
  const children: LoadedWorkflow[] = existsSync(childFolder) ? readdirSync(childFolder).sort().map((file) => workflowFromJson(readCaseFile(childFolder, file), join(childFolder, file), file.replace(/\.json$/, ''))) : [];
  return {
    workflow: workflowFromJson(readCaseFile(folder, 'definition.json'), join(folder, 'definition.json'), name),
    childFlows: children,
    trigger: withServer(readCaseFile(folder, 'trigger.json'), serverUrl),
    parameters: existsSync(join(folder, 'parameters.json')) ? parameterValuesFromJson(readCaseFile(folder, 'parameters.json')) : undefined,
    connections: withServer(readCaseFile(folder, 'connections.json'), serverUrl) as Record<string, ConnectionConfig>,
    connectionsBaseDir: folder,
    now: now ?? '2024-01-01T00:00:00Z',
    webhookTimeoutMs: 5000,
  };
}
