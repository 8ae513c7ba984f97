import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from './helpers.js';

const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';

describe('Office 365 Management Activity API mock: documented rules and errors (over HTTP)', () => {
  let mock: TestMock;
  let dlpLimited: TestMock;
  beforeAll(async () => {
    mock = await startTestMock();
    dlpLimited = await startTestMock({ appPermissions: ['ActivityFeed.Read'] });
    expect((await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
  });
  afterAll(async () => {
    await mock.stop();
    await dlpLimited.stop();
  });

  const day = '2026-11-20';
  it.each([
    ['start without contentType', 'POST', '/subscriptions/start', 400, 'AF20001'],
    ['start with wrong-case content type', 'POST', '/subscriptions/start?contentType=audit.general', 400, 'AF20020'],
    ['start with an unknown content type', 'POST', '/subscriptions/start?contentType=Audit.Teams', 400, 'AF20020'],
    ['start an enabled subscription again', 'POST', '/subscriptions/start?contentType=Audit.General', 400, 'AF20024'],
    ['stop a never-started subscription', 'POST', '/subscriptions/stop?contentType=Audit.SharePoint', 400, 'AF20022'],
    ['content of a never-started subscription', 'GET', '/subscriptions/content?contentType=Audit.Exchange', 400, 'AF20022'],
    ['content with only startTime', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=${day}T00:00`, 400, 'AF20055'],
    ['content with only endTime', 'GET', `/subscriptions/content?contentType=Audit.General&endTime=${day}T00:00`, 400, 'AF20055'],
    ['content window over 24 hours', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=2026-11-19T00:00&endTime=2026-11-20T00:01`, 400, 'AF20055'],
    ['content with end before start', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=${day}T10:00&endTime=${day}T09:00`, 400, 'AF20055'],
    ['content with end equal to start', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=${day}T10:00&endTime=${day}T10:00`, 400, 'AF20055'],
    ['content starting more than 7 days back', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=2026-11-13T11:59&endTime=2026-11-14T00:00`, 400, 'AF20055'],
    ['content with a malformed time', 'GET', `/subscriptions/content?contentType=Audit.General&startTime=yesterday&endTime=${day}`, 400, 'AF20002'],
    ['content with a forged nextPage', 'GET', '/subscriptions/content?contentType=Audit.General&nextPage=2015101900R022885001761', 400, 'AF20031'],
    ['notifications of a never-started subscription', 'GET', '/subscriptions/notifications?contentType=DLP.All', 400, 'AF20022'],
    ['a malformed content id', 'GET', '/audit/not-a-content-id', 400, 'AF20052'],
    ['a content id with broken percent-encoding', 'GET', '/audit/%E0%A4%A', 400, 'AF20052'],
    ['a PublisherIdentifier that is not a GUID', 'GET', '/subscriptions/list?PublisherIdentifier=contoso', 400, 'AF20002'],
    ['an unknown content id', 'GET', '/audit/20261120101500000039999$20261120101500000039999$audit_general$Audit_General', 400, 'AF20050'],
    ['content that is not there yet', 'GET', '/audit/20261121101500000030000$20261121101500000030000$audit_general$Audit_General', 400, 'AF20050'],
  ])('%s: %s %s -> %i %s', async (_name, method, path, status, code) => {
    const answer = await mock.call(path, { method });
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['no Authorization header', null, 401, 'AF10001'],
    ['a token that is not ours', 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln', 401, 'AF10001'],
  ])('answers %s with 401 and a Bearer challenge', async (_name, token, status, code) => {
    const answer = await mock.call('/subscriptions/list', { token });
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('refuses a URL tenant that is not a GUID (AF20013) or not the token tenant (AF20010)', async () => {
    const notGuid = await mock.call(`${mock.url}/api/v1.0/contoso.example/activity/feed/subscriptions/list`);
    expect([notGuid.status, notGuid.body.error.code]).toEqual([400, 'AF20013']);
    const other = await mock.call(`${mock.url}/api/v1.0/${OTHER_TENANT}/activity/feed/subscriptions/list`);
    expect([other.status, other.body.error.code]).toEqual([403, 'AF20010']);
    expect(other.body.error.message).toContain(OTHER_TENANT);
  });

  it('requires ActivityFeed.ReadDlp for DLP.All', async () => {
    const answer = await dlpLimited.call('/subscriptions/start?contentType=DLP.All', { method: 'POST' });
    expect([answer.status, answer.body.error.code]).toEqual([401, 'AF10001']);
    expect((await dlpLimited.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
  });

  it.each([
    ['an http:// webhook address', JSON.stringify({ webhook: { address: 'http://example.com/hook' } }), 'AF20021'],
    ['a webhook expiring in the past', JSON.stringify({ webhook: { address: 'https://example.com/hook', expiration: '2020-01-01T00:00:00Z' } }), 'AF20003'],
    ['a body that is not JSON', '{webhook:', 'AF20002'],
  ])('refuses a start with %s', async (_name, body, code) => {
    const answer = await mock.call('/subscriptions/start?contentType=Audit.Exchange', { method: 'POST', body, headers: { 'Content-Type': 'application/json; utf-8' } });
    expect([answer.status, answer.body.error.code]).toEqual([400, code]);
  });

  it.each([
    ['en-US,fr-FR', 400, 'AF20053'],
    ['en_US!', 400, 'AF20054'],
    ['fr-FR', 200, undefined],
    ['*', 200, undefined],
  ])('dlpSensitiveTypes with Accept-Language %s -> %i', async (language, status, code) => {
    const answer = await mock.call('/resources/dlpSensitiveTypes', { headers: { 'Accept-Language': language } });
    expect(answer.status).toBe(status);
    if (code) expect(answer.body.error.code).toBe(code);
    else expect(answer.body).toContainEqual({ id: '50842eb7-edc8-4019-85dd-5a5c1f2bb085', name: 'CreditCardNumber' });
  });

  it.each([
    ['2026-11-20', '2026-11-20T12:00'],
    ['2026-11-19T12:00', '2026-11-20T12:00'],
    ['2026-11-19T12:00:00', '2026-11-20T12:00:00'],
    ['2026-11-19T12:00:00.0000000Z', '2026-11-20T12:00:00.0000000Z'],
    ['2026-11-19T13:00:00+01:00', '2026-11-20T13:00:00+01:00'],
  ])('accepts the time formats clients send: %s .. %s (exactly 24 h allowed)', async (start, end) => {
    const answer = await mock.call(`/subscriptions/content?contentType=Audit.General&startTime=${encodeURIComponent(start)}&endTime=${encodeURIComponent(end)}`);
    expect(answer.status).toBe(200);
    expect(Array.isArray(answer.body)).toBe(true);
  });

  it('answers wrong methods with 405 and unknown paths with 404', async () => {
    expect((await mock.call('/subscriptions/start?contentType=Audit.General')).status).toBe(405);
    expect((await mock.call('/subscriptions/everything')).status).toBe(404);
  });

  it('lists content with the documented fields, in the window, oldest first, with service headers', async () => {
    const answer = await mock.call(`/subscriptions/content?contentType=Audit.General&PublisherIdentifier=${mock.tenantId}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('date')).toBe(mock.clock.now().toUTCString());
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    const items = answer.body as { contentType: string; contentId: string; contentUri: string; contentCreated: string; contentExpiration: string }[];
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(['contentType', 'contentId', 'contentUri', 'contentCreated', 'contentExpiration']);
      expect(item.contentId).toMatch(/^\d{23}\$\d{23}\$audit_general\$Audit_General$/);
      expect(item.contentUri).toBe(`${mock.api}/audit/${item.contentId}`);
      expect(item.contentCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(item.contentExpiration) - Date.parse(item.contentCreated)).toBe(7 * 86_400_000);
      const created = Date.parse(item.contentCreated);
      expect(created).toBeGreaterThanOrEqual(mock.clock.ms - 86_400_000);
      expect(created).toBeLessThan(mock.clock.ms);
    }
    const times = items.map((i) => Date.parse(i.contentCreated));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const blob = await mock.call(`${items[0]!.contentUri}?PublisherIdentifier=${mock.tenantId}`);
    expect(blob.status).toBe(200);
    for (const record of blob.body as Record<string, unknown>[]) {
      expect(record.OrganizationId).toBe(mock.tenantId);
      expect(record.CreationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(typeof record.RecordType).toBe('number');
      expect(record.Id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('subscription life cycle', () => {
  let mock: TestMock;
  beforeAll(async () => {
    mock = await startTestMock();
  });
  afterAll(() => mock.stop());

  it('lists [] before any start, then the started types with webhook null', async () => {
    expect((await mock.call('/subscriptions/list')).body).toEqual([]);
    const start = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' });
    expect(start.body).toEqual({ contentType: 'Audit.General', status: 'enabled', webhook: null });
    expect((await mock.call('/subscriptions/list')).body).toEqual([{ contentType: 'Audit.General', status: 'enabled', webhook: null }]);
  });

  it('after stop: disabled in the list, AF20023 on content and blobs, start limited to one per 15 minutes, no content from the gap', async () => {
    const before = (await mock.call('/subscriptions/content?contentType=Audit.General')).body as { contentUri: string }[];
    expect((await mock.call('/subscriptions/stop?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
    expect((await mock.call('/subscriptions/list')).body).toEqual([{ contentType: 'Audit.General', status: 'disabled', webhook: null }]);
    const content = await mock.call('/subscriptions/content?contentType=Audit.General');
    expect([content.status, content.body.error]).toEqual([400, { code: 'AF20023', message: 'The subscription was disabled.' }]);
    expect((await mock.call(before[0]!.contentUri)).body.error.code).toBe('AF20023');
    const early = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('429');
    expect(early.body.error.message).toMatch(/^Too many frequent subscription start requests\. Please retry again after \d+m \d+s\.$/);
    const stoppedAt = mock.clock.ms;
    mock.clock.advance(3 * 3_600_000);
    expect((await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' })).status).toBe(200);
    mock.clock.advance(2 * 3_600_000);
    const after = (await mock.call('/subscriptions/content?contentType=Audit.General')).body as { contentCreated: string }[];
    const gap = after.filter((i) => Date.parse(i.contentCreated) >= stoppedAt && Date.parse(i.contentCreated) < stoppedAt + 3 * 3_600_000);
    expect(gap).toEqual([]);
    expect(after.some((i) => Date.parse(i.contentCreated) >= stoppedAt + 3 * 3_600_000)).toBe(true);
    expect(after.some((i) => Date.parse(i.contentCreated) < stoppedAt)).toBe(true);
  });

  it('answers AF20051 for a blob past its contentExpiration', async () => {
    const items = (await mock.call('/subscriptions/content?contentType=Audit.General')).body as { contentUri: string; contentExpiration: string }[];
    expect((await mock.call(items[0]!.contentUri)).status).toBe(200);
    mock.clock.advance(Date.parse(items[0]!.contentExpiration) - mock.clock.ms + 1000);
    const expired = await mock.call(items[0]!.contentUri);
    expect([expired.status, expired.body.error.code]).toEqual([400, 'AF20051']);
  });
});
