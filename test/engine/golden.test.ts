import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlow, runSummary, historyToJson } from '../../tools/engine/index.js';
import { GOLDEN, goldenCases as cases, goldenRunOptions, readCaseFile as read, withServer } from './golden-case.js';
import { startCannedServer, type CannedResponse } from './golden-server.js';

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
      const run = runFlow(goldenRunOptions(name, server.url, expected.now));
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
