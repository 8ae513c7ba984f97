import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipBytes } from './zip-bytes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkflow, runFlow, runSummary, historyToJson, writeHistoryFile, type WorkflowDefinition } from '../../tools/engine/index.js';

/** A service with a webhook operation: it answers the subscription, then calls the callback URL. */
let server: Server;
let base = '';
const calls: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      calls.push(`${request.method} ${request.url}`);
      if (request.method === 'POST' && request.url === '/approvals') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { notificationUrl: string; title: string };
        response.writeHead(201, { Location: `${base}/approvals/1`, 'Content-Type': 'application/json' }).end('{}');
        setTimeout(() => void fetch(body.notificationUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: 'Approve', title: body.title }) }), 20);
        return;
      }
      if (request.method === 'POST' && request.url === '/silent') {
        // Subscribes, then never calls back.
        response.writeHead(201, { Location: `${base}/silent/1`, 'Content-Type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(request.method === 'DELETE' ? 200 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const swagger = {
  swagger: '2.0',
  info: { title: 'Approvals', version: '1' },
  paths: {
    '/approvals': {
      post: {
        operationId: 'StartAndWait',
        'x-ms-trigger': 'single',
        parameters: [{ name: 'body', in: 'body', schema: { type: 'object', properties: { title: { type: 'string' }, notificationUrl: { type: 'string', 'x-ms-notification-url': true } } } }],
        responses: { '201': { description: 'subscribed' } },
      },
    },
    '/silent': {
      post: {
        operationId: 'StartSilently',
        'x-ms-trigger': 'single',
        parameters: [{ name: 'body', in: 'body', schema: { type: 'object', properties: { notificationUrl: { type: 'string', 'x-ms-notification-url': true } } } }],
        responses: { '201': { description: 'subscribed' } },
      },
    },
  },
};

describe('OpenApiConnectionWebhook', () => {
  it('subscribes with a callback URL, waits for the callback, then unsubscribes', async () => {
    const definition: WorkflowDefinition = {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
      actions: {
        Start_and_wait: { type: 'OpenApiConnectionWebhook', inputs: { host: { connectionName: 'shared_approvals', operationId: 'StartAndWait' }, parameters: { 'body/title': 'Deploy?' } } },
        Outcome: { type: 'Compose', inputs: "@body('Start_and_wait')?['outcome']", runAfter: { Start_and_wait: ['Succeeded'] } },
      },
    };
    const result = await runFlow({ definition, connections: { shared_approvals: { baseUrl: base, swagger } }, webhookTimeoutMs: 10_000 });
    expect(runSummary(result).actions.Outcome).toMatchObject({ status: 'Succeeded', outputs: 'Approve' });
    expect(calls).toEqual(['POST /approvals', 'DELETE /approvals/1']);
  });
});

describe('OpenApiConnectionWebhook waits on the run clock', () => {
  const silent = (limit?: string): WorkflowDefinition => ({
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Wait_for_answer: { type: 'OpenApiConnectionWebhook', inputs: { host: { connectionName: 'shared_approvals', operationId: 'StartSilently' }, parameters: {} }, ...(limit ? { limit: { timeout: limit } } : {}) },
      On_timeout: { type: 'Compose', inputs: 'timed out', runAfter: { Wait_for_answer: ['TimedOut'] } },
    },
  });

  it.each([
    ['the run webhook timeout (1 hour) with no limit on the action', undefined, 3_600_000, '2024-01-01T01:00:00.000Z'],
    ['the action limit.timeout PT2H before the default 30 days', 'PT2H', undefined, '2024-01-01T02:00:00.000Z'],
  ])('times out after %s in virtual time, unsubscribing', { timeout: 20_000 }, async (_name, limit, webhookTimeoutMs, endTime) => {
    calls.length = 0;
    const result = await runFlow({ definition: silent(limit), connections: { shared_approvals: { baseUrl: base, swagger } }, now: '2024-01-01T00:00:00Z', webhookTimeoutMs, webhookCallbackWaitMs: 50 });
    const summary = runSummary(result);
    expect(summary.actions.Wait_for_answer).toMatchObject({ status: 'TimedOut', error: { code: 'ActionTimedOut' } });
    expect(summary.actions.On_timeout).toMatchObject({ status: 'Succeeded' });
    expect(result.endTime).toBe(endTime);
    expect(calls).toEqual(['POST /silent', 'DELETE /silent/1']);
  });
});

describe('run history', () => {
  it('stores a large value once and refers to it from every record that holds it', async () => {
    const big = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `row ${i}` }));
    const definition: WorkflowDefinition = {
      triggers: { manual: { type: 'Request', kind: 'Http' } },
      actions: { Loop: { type: 'Foreach', foreach: '@range(0, 5)', actions: { Rows: { type: 'Compose', inputs: '@triggerBody()' } } } },
    };
    const result = await runFlow({ definition, trigger: big });
    const json = historyToJson(result.history);
    const rows = (json.actions as Array<{ name: string; outputs?: unknown }>).filter((a) => a.name === 'Rows');
    expect(rows).toHaveLength(5);
    const ref = rows[0]!.outputs as { $blob: string };
    expect(rows.every((r) => (r.outputs as { $blob: string }).$blob === ref.$blob)).toBe(true);
    expect((json.blobs as Record<string, unknown>)[ref.$blob]).toEqual(big);
    const folder = mkdtempSync(join(tmpdir(), 'ppkit-history-'));
    try {
      writeHistoryFile(result.history, join(folder, 'h.json'));
      const written = JSON.parse(readFileSync(join(folder, 'h.json'), 'utf8'));
      expect(written.actions).toHaveLength(6);
      expect(Object.keys(written.blobs)).toHaveLength(1);
      expect(JSON.stringify(written).length).toBeLessThan(JSON.stringify(big).length * 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('hostile and limited input', () => {
  it.each([
    ['entries that climb out of the archive', [{ name: '../../Workflows/Evil-00000000-0000-0000-0000-000000000000.json', data: '{}' }], /points outside the target folder \(zip-slip\)/],
    ['an entry that inflates past what its header claims (zip bomb)', [{ name: 'Workflows/Bomb-00000000-0000-0000-0000-000000000000.json', data: Buffer.alloc(200_000, 32), declaredSize: 10 }], /too many bytes in the stream/],
  ])('refuses a solution zip with %s', async (_name, entries, message) => {
    const folder = mkdtempSync(join(tmpdir(), 'ppkit-zip-'));
    const zip = join(folder, 'evil.zip');
    try {
      writeFileSync(zip, zipBytes(entries));
      await expect(loadWorkflow(`${zip}#Evil`)).rejects.toThrow(message);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['Terminate inside a Foreach', { Loop: { type: 'Foreach', foreach: '@range(0, 2)', actions: { Stop: { type: 'Terminate', inputs: { runStatus: 'Failed' } } } } }, /Terminate cannot be inside a Foreach or Until loop/],
    ['InitializeVariable inside a Scope', { S: { type: 'Scope', actions: { Init: { type: 'InitializeVariable', inputs: { variables: [{ name: 'v', type: 'string' }] } } } } }, /variables can only be initialized at the top level/],
    ['runAfter naming an action of another scope', { A: { type: 'Compose', inputs: 1 }, S: { type: 'Scope', actions: { B: { type: 'Compose', inputs: 2, runAfter: { A: ['Succeeded'] } } } } }, /"A" is in another scope/],
    ['a bad runAfter status', { A: { type: 'Compose', inputs: 1 }, B: { type: 'Compose', inputs: 2, runAfter: { A: ['Done'] } } }, /runAfter status "Done"/],
    ['an unknown function', { A: { type: 'Compose', inputs: "@frobnicate('x')" } }, /action "A": .*frobnicate/i],
    ['too deep nesting', nest(9), /nested 9 levels deep/],
  ])('refuses %s before running', async (_name, actions, message) => {
    await expect(runFlow({ definition: { triggers: { manual: { type: 'Request' } }, actions: actions as WorkflowDefinition['actions'] } })).rejects.toThrow(message);
  });
});

function nest(depth: number): Record<string, unknown> {
  let actions: Record<string, unknown> = { Leaf: { type: 'Compose', inputs: 1 } };
  for (let i = depth - 1; i >= 1; i--) actions = { [`Scope_${i}`]: { type: 'Scope', actions } };
  return actions;
}
