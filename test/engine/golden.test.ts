import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFlow, runSummary, workflowFromJson, historyToJson, parameterValuesFromJson, type ConnectionConfig, type LoadedWorkflow } from '../../tools/engine/index.js';
import { startCannedServer, type CannedResponse } from './golden-server.js';

const GOLDEN = fileURLToPath(new URL('./golden', import.meta.url));
const cases = readdirSync(GOLDEN).filter((name) => existsSync(join(GOLDEN, name, 'expected.json'))).sort();

const read = (folder: string, file: string): unknown => (existsSync(join(folder, file)) ? JSON.parse(readFileSync(join(folder, file), 'utf8')) : undefined);

/** Replaces `{{server}}` in the connections map with the canned server's URL. */
function withServer(value: unknown, url: string): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value).replaceAll('{{server}}', url));
}

interface Expected {
  description?: string;
  now?: string;
  definitionError?: string;
  status?: string;
  error?: unknown;
  outputs?: unknown;
  actions?: Record<string, unknown>;
  response?: unknown;
  requests?: unknown[];
  endTime?: string;
  history?: Record<string, unknown>;
}

describe('flow engine golden cases (test/engine/golden/<case>)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(20));

  it.each(cases)('%s', async (name) => {
    const folder = join(GOLDEN, name);
    const server = await startCannedServer((read(folder, 'responses.json') as CannedResponse[] | undefined) ?? []);
    const expected = withServer(read(folder, 'expected.json'), server.url) as Expected;
    try {
      const workflow = workflowFromJson(read(folder, 'definition.json'), join(folder, 'definition.json'), name);
      const childFolder = join(folder, 'children');
      const children: LoadedWorkflow[] = existsSync(childFolder) ? readdirSync(childFolder).sort().map((file) => workflowFromJson(read(childFolder, file), join(childFolder, file), file.replace(/\.json$/, ''))) : [];
      const run = runFlow({
        workflow,
        childFlows: children,
        trigger: withServer(read(folder, 'trigger.json'), server.url),
        parameters: existsSync(join(folder, 'parameters.json')) ? parameterValuesFromJson(read(folder, 'parameters.json')) : undefined,
        connections: withServer(read(folder, 'connections.json'), server.url) as Record<string, ConnectionConfig>,
        connectionsBaseDir: folder,
        now: expected.now ?? '2024-01-01T00:00:00Z',
        webhookTimeoutMs: 5000,
      });
      if (expected.definitionError !== undefined) {
        await expect(run).rejects.toThrow(expected.definitionError);
        expect(server.received).toEqual([]);
        return;
      }
      const result = await run;
      const summary = runSummary(result);
      const actual: Record<string, unknown> = { ...summary };
      if (expected.response !== undefined) actual.response = result.response;
      if (expected.endTime !== undefined) actual.endTime = result.endTime;
      if (expected.requests !== undefined) actual.requests = server.received.slice(0, expected.requests.length);
      if (expected.history !== undefined) actual.history = historyToJson(result.history);
      const { description: _d, now: _n, ...wanted } = expected;
      expect(actual).toMatchObject(wanted);
    } finally {
      await server.close();
    }
  });
});
