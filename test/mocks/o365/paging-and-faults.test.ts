import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEGACY_PASSWORD, DEFAULT_LEGACY_USER } from '../../../tools/mocks/o365/index.js';
import { startTestMock, type TestMock } from './helpers.js';
import { SubscriptionStore } from '../../../tools/mocks/o365/subscriptions.js';

const mocks: TestMock[] = [];
async function mockWith(options: Parameters<typeof startTestMock>[0] = {}): Promise<TestMock> {
  const mock = await startTestMock(options);
  mocks.push(mock);
  return mock;
}
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.stop()));
});

async function started(mock: TestMock, contentType = 'Audit.General') {
  expect((await mock.call(`/subscriptions/start?contentType=${contentType}`, { method: 'POST' })).status).toBe(200);
}

describe('NextPageUri paging', () => {
  it('pages with an opaque token, repeats contentType and the filled-in times, and the pages add up to the whole list', async () => {
    const whole = await mockWith({ pageSize: 100_000 });
    const paged = await mockWith({ pageSize: 7 });
    await started(whole);
    await started(paged);
    const all = (await whole.call('/subscriptions/content?contentType=Audit.General')).body as { contentId: string }[];
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let answer = await paged.call('/subscriptions/content?contentType=Audit.General');
    let pages = 1;
    while (true) {
      expect(answer.status).toBe(200);
      seen.push(...(answer.body as { contentId: string }[]).map((i) => i.contentId));
      const next = answer.headers.get('nextpageuri');
      if (!next) break;
      const url = new URL(next);
      expect(url.pathname).toBe(`/api/v1.0/${paged.tenantId}/activity/feed/subscriptions/content`);
      expect(url.searchParams.get('contentType')).toBe('Audit.General');
      expect(url.searchParams.get('startTime')).toBe(new Date(paged.clock.ms - 86_400_000).toISOString());
      expect(url.searchParams.get('endTime')).toBe(paged.clock.now().toISOString());
      // The CoE flow sends the parameter as `nextpage`: names are case-insensitive.
      answer = await paged.call(`${url.origin}${url.pathname}?${url.search.slice(1).replace('nextPage=', 'nextpage=')}`);
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(seen).toEqual(all.map((i) => i.contentId));
  });
});

describe('listing answers built once per window stay true to the clock and the subscription', () => {
  it('the same URL listed again after time passes and a stop/start answers what exists then', async () => {
    const mock = await mockWith({ pageSize: 1000 });
    const from = mock.clock.ms - 3_600_000;
    const to = mock.clock.ms + 3 * 3_600_000;
    const url = `/subscriptions/content?contentType=Audit.General&startTime=${new Date(from).toISOString()}&endTime=${new Date(to).toISOString()}`;
    // What the service holds at this moment: blobs made by now, in spans the subscription covered.
    const truth = () => {
      const subscription = mock.subscriptions.get('Audit.General')!;
      return mock.tenant.listBlobs('Audit.General', { from, to }, mock.clock.ms).filter((b) => SubscriptionStore.covers(subscription, b.contentCreatedMs)).map((b) => b.contentId);
    };
    const listed = async () => ((await mock.call(url)).body as { contentId: string }[]).map((i) => i.contentId);
    await started(mock);
    const answers: string[][] = [];
    for (const step of [async () => undefined, async () => mock.clock.advance(3_600_000), async () => {
      expect((await mock.call('/subscriptions/stop?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
      mock.clock.advance(3_600_000);
      await started(mock);
    }]) {
      await step();
      const answer = await listed();
      expect(answer).toEqual(truth());
      expect(await listed()).toEqual(answer);
      answers.push(answer);
    }
    // Time added blobs; the stopped hour's blobs are gone from the last answer.
    expect(answers[1]!.length).toBeGreaterThan(answers[0]!.length);
    expect(mock.tenant.listBlobs('Audit.General', { from, to }, mock.clock.ms).length).toBeGreaterThan(answers[2]!.length);
  });
});

describe('fault knobs', () => {
  it('throttles with AF429 and HTTP 403, naming the method and the publisher (zeros when omitted)', async () => {
    const mock = await mockWith({ faults: { throttleRate: 1 } });
    const answer = await mock.call('/subscriptions/list');
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({ code: 'AF429', message: 'Too many requests. Method=ListSubscriptions, PublisherId=00000000-0000-0000-0000-000000000000' });
  });

  it('enforces a per-minute quota per publisher when set', async () => {
    const mock = await mockWith({ faults: { quotaPerMinute: 3 } });
    const publisher = '?PublisherIdentifier=0c5e7a1d-4f2b-4c8e-9a3d-6b1f2e8d7c90';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await mock.call(`/subscriptions/list${publisher}`)).status);
    expect(statuses).toEqual([200, 200, 200, 403, 403]);
    expect((await mock.call('/subscriptions/list')).status).toBe(200); // another pool
    mock.clock.advance(60_000);
    expect((await mock.call(`/subscriptions/list${publisher}`)).status).toBe(200);
  });

  it('answers AF50000 with 500 at the server-error rate, and knobs change while running', async () => {
    const mock = await mockWith();
    mock.faults.serverErrorRate = 1;
    const answer = await mock.call('/subscriptions/list');
    expect([answer.status, answer.body.error.code]).toEqual([500, 'AF50000']);
    mock.faults.serverErrorRate = 0;
    expect((await mock.call('/subscriptions/list')).status).toBe(200);
  });

  it('adds latency', async () => {
    const mock = await mockWith({ faults: { latencyMs: 120 } });
    const started = performance.now();
    await mock.call('/subscriptions/list');
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('makes listed blobs answer AF20051 at the expired-blob rate (stable per blob)', async () => {
    const mock = await mockWith({ faults: { expiredBlobRate: 0.5 } });
    await started(mock);
    const items = (await mock.call('/subscriptions/content?contentType=Audit.General')).body as { contentUri: string }[];
    const first = await Promise.all(items.map((i) => mock.call(i.contentUri).then((a) => a.status)));
    const second = await Promise.all(items.map((i) => mock.call(i.contentUri).then((a) => a.status)));
    expect(first).toEqual(second);
    expect(first.filter((s) => s === 400).length).toBeGreaterThan(items.length * 0.2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(items.length * 0.2);
  });

  it('with audit logging off answers every call with the service\'s "Tenant … does not exist" error', async () => {
    const mock = await mockWith({ faults: { auditLog: 'off' } });
    const answer = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toMatch(/^StartSubscription \[CorrId=[0-9a-f-]+\]\[TenantId=.*,ContentType=Audit\.General,.*\] failed\. Exception$/);
    expect(answer.body.error.message).toBe(`Microsoft.Office.Compliance.Audit.DataServiceException: Tenant ${mock.tenantId} does not exist.`);
  });

  it('when audit logging was just turned on, fails for 60 minutes, then works', async () => {
    const mock = await mockWith();
    mock.faults.auditLogEnabledAt = mock.clock.now().toISOString();
    expect((await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' })).status).toBe(400);
    mock.clock.advance(61 * 60_000);
    expect((await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
  });
});

describe('webhooks', () => {
  it('validates a webhook with Webhook-ValidationCode and refuses one that does not answer 200', async () => {
    const { startHttpServer, readBody } = await import('../../../tools/mocks/http/index.js');
    const received: { headers: Record<string, unknown>; body: string }[] = [];
    let answer = 200;
    const hook = await startHttpServer(async (request, response) => {
      received.push({ headers: request.headers, body: await readBody(request) });
      response.writeHead(answer).end();
    });
    try {
      const mock = await mockWith({ allowHttpWebhooks: true });
      answer = 500;
      const refused = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST', body: JSON.stringify({ webhook: { address: `${hook.url}/hook`, authId: 'abc' } }) });
      expect([refused.status, refused.body.error.code]).toEqual([400, 'AF20021']);
      expect(refused.body.error.message).toContain('The endpoint did not return HTTP 200.');
      answer = 200;
      const ok = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST', body: JSON.stringify({ webhook: { address: `${hook.url}/hook`, authId: 'abc' } }) });
      expect(ok.body).toEqual({ contentType: 'Audit.General', status: 'enabled', webhook: { status: 'enabled', address: `${hook.url}/hook`, authId: 'abc', expiration: null } });
      const validation = received[received.length - 1]!;
      expect(validation.headers['webhook-authid']).toBe('abc');
      expect(JSON.parse(validation.body)).toEqual({ validationCode: validation.headers['webhook-validationcode'] });
      // New content after the start is announced to the webhook and listed under /notifications.
      mock.clock.advance(2 * 3_600_000);
      await new Promise((r) => setTimeout(r, 1500));
      const notification = received.find((r) => r.body.startsWith('['));
      expect(notification).toBeDefined();
      const items = JSON.parse(notification!.body) as Record<string, string>[];
      expect(items[0]).toMatchObject({ tenantId: mock.tenantId, contentType: 'Audit.General', contentUri: expect.stringContaining('/audit/') });
      const listed = await mock.call('/subscriptions/notifications?contentType=Audit.General');
      expect(listed.body[0]).toMatchObject({ notificationStatus: 'success', contentId: items[0]!.contentId });
    } finally {
      await hook.stop();
    }
  });
});

describe('webhook failures', () => {
  it('disables a webhook after repeated failed notifications; /start re-enables it', async () => {
    const { startHttpServer } = await import('../../../tools/mocks/http/index.js');
    let calls = 0;
    const hook = await startHttpServer((request, response) => {
      calls++;
      request.resume();
      // 200 for the validation request only.
      response.writeHead(calls === 1 ? 200 : 503).end();
    });
    try {
      const mock = await mockWith({ allowHttpWebhooks: true, startCooldownMinutes: 0 });
      const webhook = { webhook: { address: `${hook.url}/hook`, authId: null, expiration: null } };
      expect((await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST', body: JSON.stringify(webhook) })).status).toBe(200);
      for (let round = 0; round < 5; round++) {
        mock.clock.advance(3_600_000);
        await mock.flushNotifications();
      }
      const listed = (await mock.call('/subscriptions/list')).body as { webhook: { status: string } }[];
      expect(listed[0]!.webhook.status).toBe('disabled');
      const failed = (await mock.call('/subscriptions/notifications?contentType=Audit.General')).body as { notificationStatus: string }[];
      expect(failed.length).toBeGreaterThan(0);
      expect(new Set(failed.map((n) => n.notificationStatus))).toEqual(new Set(['failed']));
      calls = 0;
      const restart = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST', body: JSON.stringify(webhook) });
      expect(restart.body.webhook.status).toBe('enabled');
    } finally {
      await hook.stop();
    }
  });
});

describe('legacy UnifiedAuditLog endpoint (Option 2, basic authentication)', () => {
  const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });
  it.each([
    ['a wrong password', basic(DEFAULT_LEGACY_USER, 'wrong'), 401],
    ['an unknown user', basic('nobody@contoso.example', DEFAULT_LEGACY_PASSWORD), 401],
    ['no credentials', {}, 401],
    ['a user without the audit-log role', basic('helpdesk@contoso.example', 'pw'), 403],
  ])('refuses %s', async (_name, headers, status) => {
    const mock = await mockWith({ legacyUsers: [{ userName: DEFAULT_LEGACY_USER, password: DEFAULT_LEGACY_PASSWORD, auditAccess: true }, { userName: 'helpdesk@contoso.example', password: 'pw', auditAccess: false }] });
    const response = await fetch(`${mock.url}/psws/service.svc/UnifiedAuditLog?StartDate=2026-11-19&EndDate=2026-11-20`, { headers });
    expect(response.status).toBe(status);
  });

  it('pages a session: the same SessionId returns the next page until an empty one, ResultIndex over the whole set', async () => {
    const mock = await mockWith();
    const url = `${mock.url}/psws/service.svc/UnifiedAuditLog?StartDate=2026-11-18&EndDate=2026-11-20&Operations=LaunchPowerApp&ResultSize=25&SessionId=run-1&SessionCommand=ReturnLargeSet`;
    const ids: string[] = [];
    const indexes: number[] = [];
    let count = 0;
    for (let page = 0; page < 100; page++) {
      const body = (await (await fetch(url, { headers: basic(DEFAULT_LEGACY_USER, DEFAULT_LEGACY_PASSWORD) })).json()) as { value: { AuditData: string; ResultIndex: number; ResultCount: number }[] };
      if (body.value.length === 0) break;
      expect(body.value.length).toBeLessThanOrEqual(25);
      for (const row of body.value) {
        ids.push((JSON.parse(row.AuditData) as { Id: string }).Id);
        indexes.push(row.ResultIndex);
        count = row.ResultCount;
      }
    }
    expect(count).toBeGreaterThan(25);
    expect(indexes).toEqual(Array.from({ length: count }, (_v, i) => i + 1));
    expect(ids.sort()).toEqual(mock.tenant.launchRecordIds({ from: Date.parse('2026-11-18T00:00:00Z'), to: Date.parse('2026-11-20T00:00:00Z') }, { now: mock.clock.now() }));
  });

  it('answers OData with AuditData as a JSON string, filtered by operation and date, from the same tenant', async () => {
    const mock = await mockWith();
    const response = await fetch(`${mock.url}/psws/service.svc/UnifiedAuditLog?StartDate=2026-11-19&EndDate=2026-11-20&Operations=LaunchPowerApp&ResultSize=5000`, { headers: basic(DEFAULT_LEGACY_USER, DEFAULT_LEGACY_PASSWORD) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: { AuditData: string; Operations: string; RecordType: string }[] };
    expect(body.value.length).toBeGreaterThan(10);
    const records = body.value.map((row) => JSON.parse(row.AuditData) as { Id: string; Operation: string; CreationTime: string });
    expect(new Set(records.map((r) => r.Operation))).toEqual(new Set(['LaunchPowerApp']));
    expect(body.value[0]!.RecordType).toBe('PowerAppsApp');
    for (const r of records) expect(r.CreationTime >= '2026-11-19T00:00:00' && r.CreationTime < '2026-11-20T00:00:00').toBe(true);
    const truth = mock.tenant.launchRecordIds({ from: Date.parse('2026-11-19T00:00:00Z'), to: Date.parse('2026-11-20T00:00:00Z') }, { now: mock.clock.now() });
    expect(records.map((r) => r.Id).sort()).toEqual(truth);
  });
});
