import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { historyToJson, runFlow, runSummary, type WorkflowDefinition } from '../../tools/engine/index.js';

/**
 * An Approvals-like service behind a legacy `$connections` connection: POST .../subscriptions
 * answers 201 with a Location and then calls the NotificationUrl it was given; /silent subscribes
 * and never calls back; /refuse answers 400.
 */
let server: Server;
let base = '';
const calls: Array<{ method: string; url: string; body?: unknown }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as { NotificationUrl?: string; title?: string }) : undefined;
      calls.push({ method: request.method ?? '', url: request.url ?? '', ...(body ? { body } : {}) });
      if (request.method === 'POST' && request.url === '/types/BasicAwaitAll/subscriptions') {
        response.writeHead(201, { Location: `${base}/types/BasicAwaitAll/subscriptions/7`, 'Content-Type': 'application/json' }).end('{}');
        setTimeout(() => void fetch(body?.NotificationUrl ?? '', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ outcome: 'Approve', responses: [{ approverName: 'Ada', comments: `ok: ${body?.title}` }] }) }), 20);
        return;
      }
      if (request.method === 'POST' && request.url?.startsWith('/silent')) {
        response.writeHead(201, { Location: `${base}/silent/1` }).end();
        return;
      }
      if (request.method === 'POST' && request.url === '/refuse') {
        response.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadRequest', message: 'title is required' } }));
        return;
      }
      response.writeHead(request.method === 'DELETE' ? 200 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  calls.length = 0;
});

const connection = "@parameters('$connections')['shared_approvals']['connectionId']";

function flow(inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): WorkflowDefinition {
  return {
    parameters: { $connections: { type: 'Object', defaultValue: {} } },
    triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
    actions: {
      Start_and_wait_for_an_approval: { type: 'ApiConnectionWebhook', inputs: { host: { connection: { name: connection } }, ...inputs }, ...extra },
      Outcome: { type: 'Compose', inputs: "@body('Start_and_wait_for_an_approval')?['outcome']", runAfter: { Start_and_wait_for_an_approval: ['Succeeded'] } },
      On_timeout: { type: 'Compose', inputs: 'no answer', runAfter: { Start_and_wait_for_an_approval: ['TimedOut'] } },
    },
  } as WorkflowDefinition;
}

const approval = { path: "/types/@{encodeURIComponent('BasicAwaitAll')}/subscriptions", body: { NotificationUrl: '@{listCallbackUrl()}', title: 'Deploy?', assignedTo: 'ada@contoso.com' } };

describe('ApiConnectionWebhook (legacy $connections webhook action)', () => {
  it.each([
    {
      name: 'subscribes with its callback URL in the body, waits for the callback, unsubscribes',
      inputs: approval,
      extra: {},
      webhook: { status: 'Succeeded', outputs: { statusCode: 200, body: { outcome: 'Approve', responses: [{ comments: 'ok: Deploy?' }] } } },
      outcome: { status: 'Succeeded', outputs: 'Approve' },
      onTimeout: 'Skipped',
      requests: ['POST /types/BasicAwaitAll/subscriptions', 'DELETE /types/BasicAwaitAll/subscriptions/7'],
    },
    {
      name: 'times out at limit.timeout on the run clock when no callback comes, and still unsubscribes',
      inputs: { path: '/silent', queries: { folderPath: 'Inbox' }, body: { NotificationUrl: '@{listCallbackUrl()}' } },
      extra: { limit: { timeout: 'PT1H' } },
      webhook: { status: 'TimedOut', error: { code: 'ActionTimedOut' } },
      outcome: { status: 'Skipped' },
      onTimeout: 'Succeeded',
      requests: ['POST /silent?folderPath=Inbox', 'DELETE /silent/1'],
    },
    {
      name: 'fails without waiting when the subscription is refused',
      inputs: { path: '/refuse', method: 'post', body: { NotificationUrl: '@{listCallbackUrl()}' }, retryPolicy: { type: 'none' } },
      extra: {},
      webhook: { status: 'Failed', outputs: { statusCode: 400, body: { error: { code: 'BadRequest' } } } },
      outcome: { status: 'Skipped' },
      onTimeout: 'Skipped',
      requests: ['POST /refuse'],
    },
  ])('$name', { timeout: 20_000 }, async ({ inputs, extra, webhook, outcome, onTimeout, requests }) => {
    const result = await runFlow({ definition: flow(inputs, extra), connections: { shared_approvals: { baseUrl: base } }, now: '2024-01-01T00:00:00Z', webhookCallbackWaitMs: 300 });
    const summary = runSummary(result);
    expect(summary.actions.Start_and_wait_for_an_approval).toMatchObject(webhook);
    expect(summary.actions.Outcome).toMatchObject(outcome);
    expect(summary.actions.On_timeout?.status).toBe(onTimeout);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(requests);
    // The subscription carried this action's own loopback callback URL in place of listCallbackUrl().
    expect((calls[0]?.body as { NotificationUrl: string }).NotificationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('records the subscription request (method defaults to POST) in the action inputs', async () => {
    const result = await runFlow({ definition: flow(approval), connections: { shared_approvals: { baseUrl: base } }, webhookCallbackWaitMs: 2000 });
    const record = (historyToJson(result.history).actions as Array<{ name: string; inputs: Record<string, unknown> }>).find((a) => a.name === 'Start_and_wait_for_an_approval');
    expect(record?.inputs).toMatchObject({ method: 'POST', path: '/types/BasicAwaitAll/subscriptions', body: { title: 'Deploy?' }, subscribe: { method: 'POST', uri: `${base}/types/BasicAwaitAll/subscriptions` } });
  });

  it.each([
    ['no connection', { path: '/x' }, /"inputs.host.connection.name" is required/],
    ['no path', { host: { connection: { name: connection } } }, /"inputs.path" is required/],
  ])('refuses an action with %s before running', async (_name, inputs, message) => {
    const definition = { triggers: { manual: { type: 'Request' } }, actions: { Hook: { type: 'ApiConnectionWebhook', inputs } } } as unknown as WorkflowDefinition;
    await expect(runFlow({ definition })).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });
});
