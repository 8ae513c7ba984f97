import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, decodeJwtPayload } from '../../../tools/mocks/o365/index.js';
import { startTestMock, type TestMock } from './helpers.js';

describe('token endpoints and bearer checks', () => {
  let mock: TestMock;
  const logs: string[] = [];
  const REDIRECT = 'https://global.consent.azure-apim.net/redirect';
  beforeAll(async () => {
    mock = await startTestMock({ redirectUris: [REDIRECT], log: (line) => logs.push(line) });
  });
  afterAll(() => mock.stop());

  const post = async (path: string, form: Record<string, string>) => {
    const response = await fetch(`${mock.url}${path}`, { method: 'POST', body: new URLSearchParams(form) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const cc = (extra: Record<string, string> = {}) => ({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, resource: 'https://manage.office.com', ...extra });

  it('issues v1 client-credentials tokens shaped like Entra ID (expires_in as a string)', async () => {
    const answer = await post(`/${mock.tenantId}/oauth2/token`, cc());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: '3599', resource: 'https://manage.office.com' });
    const claims = decodeJwtPayload(answer.body.access_token)!;
    expect(claims).toMatchObject({ aud: 'https://manage.office.com', tid: mock.tenantId, appid: DEFAULT_CLIENT_ID, roles: expect.arrayContaining(['ActivityFeed.Read']) });
  });

  it('issues v2 tokens for scope <resource>/.default (expires_in as a number)', async () => {
    const answer = await post(`/${mock.tenantId}/oauth2/v2.0/token`, { grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, scope: 'https://manage.office.com/.default' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    expect((await mock.call('/subscriptions/list', { token: answer.body.access_token })).status).toBe(200);
  });

  it.each([
    ['an unknown tenant', '/00000000-1111-4222-8333-444444444444/oauth2/token', cc(), 400, 'invalid_request', 90002],
    ['an unknown client id', 'TENANT/oauth2/token', cc({ client_id: '99999999-9999-4999-8999-999999999999' }), 400, 'unauthorized_client', 700016],
    ['a wrong client secret', 'TENANT/oauth2/token', cc({ client_secret: 'nope' }), 401, 'invalid_client', 7000215],
    ['no client secret', 'TENANT/oauth2/token', cc({ client_secret: '' }), 401, 'invalid_client', 7000218],
    ['an unsupported grant', 'TENANT/oauth2/token', cc({ grant_type: 'password' }), 400, 'unsupported_grant_type', 70003],
    ['an unknown resource', 'TENANT/oauth2/token', cc({ resource: 'https://graph.microsoft.com' }), 400, 'invalid_resource', 500011],
    ['a v2 scope without /.default', 'TENANT/oauth2/v2.0/token', { grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, scope: 'https://manage.office.com/ActivityFeed.Read' }, 400, 'invalid_scope', 1002012],
  ])('refuses %s with the AADSTS error', async (_name, path, form, status, error, code) => {
    const answer = await post(path.replace('TENANT', `/${mock.tenantId}`), form);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error, error_codes: [code] });
    expect(answer.body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
  });

  it.each([
    ['a trailing slash', 'https://manage.office.com/'],
    ['a trailing space', 'https://manage.office.com '],
  ])('gives a token for a Resource URL with %s, which the API then refuses (401 AF10001)', async (_name, resource) => {
    const answer = await post(`/${mock.tenantId}/oauth2/token`, cc({ resource }));
    expect(answer.status).toBe(200);
    expect(decodeJwtPayload(answer.body.access_token)!.aud).toBe(resource);
    const api = await mock.call('/subscriptions/list', { token: answer.body.access_token });
    expect([api.status, api.body.error.code]).toEqual([401, 'AF10001']);
  });

  it('refuses an expired token with 401', async () => {
    const token = await mock.token();
    expect((await mock.call('/subscriptions/list', { token })).status).toBe(200);
    mock.clock.advance(3600_000);
    const answer = await mock.call('/subscriptions/list', { token });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('The token is expired');
  });

  it('runs the authorization-code grant (connector OAuth connection), single-use codes and refresh tokens', async () => {
    const authorize = await fetch(`${mock.url}/common/oauth2/authorize?response_type=code&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT)}&resource=${encodeURIComponent('https://manage.office.com')}&state=xyz`, { redirect: 'manual' });
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, code, redirect_uri: REDIRECT, resource: 'https://manage.office.com' };
    const token = await post('/common/oauth2/token', form);
    expect(token.status).toBe(200);
    expect(decodeJwtPayload(token.body.access_token)).toMatchObject({ scp: expect.stringContaining('ActivityFeed.Read'), aud: 'https://manage.office.com' });
    expect((await mock.call('/subscriptions/list', { token: token.body.access_token })).status).toBe(200);
    const again = await post('/common/oauth2/token', form);
    expect([again.status, again.body.error_codes]).toEqual([400, [54005]]);
    const refreshed = await post('/common/oauth2/token', { grant_type: 'refresh_token', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, refresh_token: token.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(token.body.refresh_token);
  });

  it('refuses an unregistered redirect URI at authorize (AADSTS50011)', async () => {
    const answer = await fetch(`${mock.url}/common/oauth2/v2.0/authorize?response_type=code&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&scope=${encodeURIComponent('https://manage.office.com/.default')}`, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error_codes: number[] }).error_codes).toEqual([50011]);
  });

  it('never writes secrets, tokens or codes to its log', async () => {
    expect(logs.length).toBeGreaterThan(5);
    const text = logs.join('\n');
    expect(text).not.toContain(DEFAULT_CLIENT_SECRET);
    expect(text).not.toMatch(/eyJ[\w-]+\./);
    expect(text).not.toMatch(/code=/);
  });
});

describe('permissions', () => {
  it('answers AF10001 naming the empty permission set when the app has no admin-consented permission', async () => {
    const mock = await startTestMock({ appPermissions: [] });
    try {
      const answer = await mock.call('/subscriptions/start?contentType=Audit.General', { method: 'POST' });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({ code: 'AF10001', message: 'The permission set () sent in the request does not include the expected permission.' });
    } finally {
      await mock.stop();
    }
  });
});
