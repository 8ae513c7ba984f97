import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDataverse } from '../../../tools/mocks/dataverse/index.js';
import { call, guid, startFixtureDataverse } from './helpers.js';

// Contract of POST, PATCH (update / upsert / conditional), DELETE and $batch, over real HTTP.
let dv: RunningDataverse;
const APP = guid(1);
const OWNER = guid(2);

beforeAll(async () => {
  dv = await startFixtureDataverse();
  dv.store.create('admin_apps', { admin_appid: APP, admin_displayname: 'Existing App' });
  dv.store.create('test_owners', { test_ownerid: OWNER, test_name: 'Owner' });
  dv.store.create('test_widgets', { test_widgetid: guid(3), test_name: 'taken', test_code: 'TAKEN' });
});

afterAll(async () => {
  await dv.stop();
});

describe('POST create', () => {
  it('answers 204 with OData-EntityId and no body', async () => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body: { admin_title: 'Launch', admin_creationtime: '2024-05-01T10:00:00.123Z' } });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const entityId = response.headers.get('odata-entityid')!;
    expect(entityId).toMatch(new RegExp(`^${dv.apiUrl.replace(/[.]/g, '\\.')}admin_auditlogs\\([0-9a-f-]{36}\\)$`));
    const row = await fetch(entityId).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(row).toMatchObject({ admin_title: 'Launch', admin_creationtime: '2024-05-01T10:00:00Z' });
  });

  it('answers 201 with the row under Prefer: return=representation (and $select)', async () => {
    const response = await call(dv, 'POST', 'admin_auditlogs?$select=admin_title,admin_operation', {
      body: { admin_auditlogid: guid(10), admin_title: 'Rep', admin_operation: 'LaunchPowerApp' },
      headers: { Prefer: 'return=representation' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('preference-applied')).toBe('return=representation');
    expect(response.headers.get('odata-entityid')).toBeNull();
    expect(response.json).toEqual({
      '@odata.context': `${dv.apiUrl}$metadata#admin_auditlogs(admin_title,admin_operation)/$entity`,
      '@odata.etag': expect.stringMatching(/^W\/"\d+"$/),
      admin_title: 'Rep',
      admin_operation: 'LaunchPowerApp',
      admin_auditlogid: guid(10),
    });
  });

  it.each([
    ['entity set and id', `admin_apps(${APP})`],
    ['leading slash', `/admin_apps(${APP})`],
    ['absolute URL', `https://org.crm.dynamics.com/api/data/v9.2/admin_apps(${APP.toUpperCase()})`],
  ])('binds a lookup with @odata.bind (%s)', async (_name, bind) => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body: { admin_title: 'bound', 'admin_AppLookup@odata.bind': bind }, headers: { Prefer: 'return=representation' } });
    expect(response.status).toBe(201);
    expect(response.json._admin_applookup_value).toBe(APP);
  });

  it.each<[string, string, Record<string, unknown>, number, string, RegExp]>([
    ['an existing primary key (the CoE "already inserted" case)', 'admin_auditlogs', { admin_auditlogid: guid(10), admin_title: 'again' }, 412, '0x80040237', /^Cannot insert duplicate key\.$/],
    ['an existing alternate key (case-insensitive)', 'test_widgets', { test_code: 'taken' }, 412, '0x80040237', /^A record with matching key values already exists\.$/],
    ['a bind to a row that does not exist', 'admin_auditlogs', { 'admin_AppLookup@odata.bind': `admin_apps(${guid(404)})` }, 404, '0x80040217', new RegExp(`^admin_app With Id = ${guid(404)} Does Not Exist$`)],
    ['a bind with the navigation name in the wrong case', 'admin_auditlogs', { 'admin_applookup@odata.bind': `admin_apps(${APP})` }, 400, '0x80048d19', /undeclared property 'admin_applookup'/],
    ['a bind to another entity set', 'admin_auditlogs', { 'admin_AppLookup@odata.bind': `admin_flows(${APP})` }, 400, '0x80048d19', /must point to the entity set 'admin_apps'/],
    ['a bind that is not an entity URI', 'admin_auditlogs', { 'admin_AppLookup@odata.bind': 42 }, 400, '0x80048d19', /must be an entity URI/],
    ['an unknown property', 'admin_auditlogs', { admin_nope: 1 }, 400, '0x80048d19', /The property 'admin_nope' does not exist on type 'Microsoft\.Dynamics\.CRM\.admin_auditlog'/],
    ['the read-only _x_value of a lookup', 'admin_auditlogs', { _admin_applookup_value: APP }, 400, '0x80048d19', /The property '_admin_applookup_value' does not exist/],
    ['text for a whole number', 'test_widgets', { test_count: 'five' }, 400, '0x80048d19', /Cannot convert the literal 'five' to the expected type 'Edm\.Int32'/],
    ['a number beyond Int32', 'test_widgets', { test_count: 2147483648 }, 400, '0x80048d19', /Edm\.Int32/],
    ['a string for a Yes/No column', 'test_widgets', { test_active: 'true' }, 400, '0x80048d19', /Edm\.Boolean/],
    ['a date that does not exist', 'test_widgets', { test_due: '2023-02-29' }, 400, '0x80048d19', /Edm\.Date/],
    ['a malformed GUID', 'test_widgets', { test_ref: 'not-a-guid' }, 400, '0x80048d19', /Edm\.Guid/],
    ['text longer than maxLength', 'test_widgets', { test_name: 'x'.repeat(11) }, 400, '0x80044331', /The length of the 'test_name' attribute of the 'test_widget' entity exceeded the maximum allowed length of '10'/],
  ])('refuses %s', async (_name, set, body, status, code, message) => {
    const response = await call(dv, 'POST', set, { body });
    expect(response.status).toBe(status);
    expect(response.json.error).toEqual({ code, message: expect.stringMatching(message) });
  });

  it.each([
    ['invalid JSON', '{"admin_title": '],
    ['an empty body', ''],
    ['a JSON array', '[]'],
  ])('refuses %s as a payload error', async (_name, body) => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('0x80048d19');
  });

  it('ignores a __proto__ key instead of polluting prototypes', async () => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body: '{"__proto__": {"polluted": true}, "admin_title": "safe"}' });
    expect(response.status).toBe(204);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('PATCH update and upsert', () => {
  it('updates only the columns sent, bumps the etag and modifiedon, and null clears a column', async () => {
    await call(dv, 'POST', 'admin_apps', { body: { admin_appid: guid(20), admin_displayname: 'Before', admin_appenvironmentid: 'env-1' } });
    const before = await call(dv, 'GET', `admin_apps(${guid(20)})`);
    const response = await call(dv, 'PATCH', `admin_apps(${guid(20)})`, { body: { admin_displayname: 'After', admin_appenvironmentid: null } });
    expect(response.status).toBe(204);
    expect(response.headers.get('odata-entityid')).toBe(`${dv.apiUrl}admin_apps(${guid(20)})`);
    const after = await call(dv, 'GET', `admin_apps(${guid(20)})`);
    expect(after.json).toMatchObject({ admin_displayname: 'After', admin_appenvironmentid: null });
    expect(after.json['@odata.etag']).not.toBe(before.json['@odata.etag']);
  });

  it('creates the row when the id does not exist (upsert)', async () => {
    const response = await call(dv, 'PATCH', `admin_apps(${guid(21)})`, { body: { admin_displayname: 'Upserted' } });
    expect(response.status).toBe(204);
    expect((await call(dv, 'GET', `admin_apps(${guid(21)})`)).json.admin_displayname).toBe('Upserted');
  });

  it('upserts by alternate key, writing the key column', async () => {
    const response = await call(dv, 'PATCH', "test_widgets(test_code='NEW-1')", { body: { test_name: 'by key' }, headers: { Prefer: 'return=representation' } });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ test_code: 'NEW-1', test_name: 'by key' });
    const again = await call(dv, 'PATCH', "test_widgets(test_code='new-1')", { body: { test_count: 2 }, headers: { Prefer: 'return=representation' } });
    expect(again.json).toMatchObject({ test_widgetid: response.json.test_widgetid, test_count: 2, test_name: 'by key' });
  });

  it('sets and clears a lookup with @odata.bind', async () => {
    await call(dv, 'PATCH', `test_widgets(${guid(30)})`, { body: { 'test_Owner@odata.bind': `/test_owners(${OWNER})` } });
    expect((await call(dv, 'GET', `test_widgets(${guid(30)})`)).json._test_owner_value).toBe(OWNER);
    await call(dv, 'PATCH', `test_widgets(${guid(30)})`, { body: { 'test_Owner@odata.bind': null } });
    expect((await call(dv, 'GET', `test_widgets(${guid(30)})`)).json._test_owner_value).toBeNull();
  });

  it.each<[string, string, Record<string, string>, number, string, RegExp]>([
    ['If-Match: * on a missing row blocks the create', guid(40), { 'If-Match': '*' }, 404, '0x80040217', new RegExp(`^admin_app With Id = ${guid(40)} Does Not Exist$`)],
    ['If-None-Match: * on an existing row blocks the update', APP, { 'If-None-Match': '*' }, 412, '0x80040237', /^A record with matching key values already exists\.$/],
    ['If-Match with a stale etag', APP, { 'If-Match': 'W/"999999"' }, 412, '0x80060882', /^The version of the existing record doesn't match the RowVersion property provided\.$/],
  ])('%s', async (_name, id, headers, status, code, message) => {
    const response = await call(dv, 'PATCH', `admin_apps(${id})`, { body: { admin_displayname: 'x' }, headers });
    expect(response.status).toBe(status);
    expect(response.json.error).toEqual({ code, message: expect.stringMatching(message) });
    expect((await call(dv, 'GET', `admin_apps(${guid(40)})`)).status).toBe(404);
  });

  it('If-None-Match: * creates a missing row; If-Match: * and the current etag update', async () => {
    expect((await call(dv, 'PATCH', `admin_apps(${guid(41)})`, { body: { admin_displayname: 'one' }, headers: { 'If-None-Match': '*' } })).status).toBe(204);
    expect((await call(dv, 'PATCH', `admin_apps(${guid(41)})`, { body: { admin_displayname: 'two' }, headers: { 'If-Match': '*' } })).status).toBe(204);
    const etag = (await call(dv, 'GET', `admin_apps(${guid(41)})`)).json['@odata.etag'] as string;
    expect((await call(dv, 'PATCH', `admin_apps(${guid(41)})`, { body: { admin_displayname: 'three' }, headers: { 'If-Match': etag } })).status).toBe(204);
    expect((await call(dv, 'GET', `admin_apps(${guid(41)})`)).json.admin_displayname).toBe('three');
  });

  it('refuses a body whose primary key differs from the URL', async () => {
    const response = await call(dv, 'PATCH', `admin_apps(${APP})`, { body: { admin_appid: guid(99) } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('0x80040203');
  });

  it.each(['PATCH', 'DELETE'])('answers 405 to %s on a collection', async (method) => {
    const response = await call(dv, method, 'admin_apps', { body: {} });
    expect(response.status).toBe(405);
  });
});

describe('DELETE', () => {
  it('deletes (204), then answers 404 for the row', async () => {
    await call(dv, 'POST', 'admin_flows', { body: { admin_flowid: guid(50) } });
    expect((await call(dv, 'DELETE', `admin_flows(${guid(50)})`)).status).toBe(204);
    const again = await call(dv, 'DELETE', `admin_flows(${guid(50)})`);
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('0x80040217');
  });

  it('refuses a stale If-Match etag', async () => {
    await call(dv, 'POST', 'admin_flows', { body: { admin_flowid: guid(51) } });
    const response = await call(dv, 'DELETE', `admin_flows(${guid(51)})`, { headers: { 'If-Match': 'W/"1"' } });
    expect(response.status).toBe(412);
    expect(response.json.error.code).toBe('0x80060882');
  });

  it('clears lookups that point to the deleted row', async () => {
    await call(dv, 'POST', 'admin_apps', { body: { admin_appid: guid(52) } });
    await call(dv, 'POST', 'admin_auditlogs', { body: { admin_auditlogid: guid(53), 'admin_AppLookup@odata.bind': `admin_apps(${guid(52)})` } });
    await call(dv, 'DELETE', `admin_apps(${guid(52)})`);
    expect((await call(dv, 'GET', `admin_auditlogs(${guid(53)})`)).json._admin_applookup_value).toBeNull();
  });
});

describe('$batch', () => {
  const part = (contentId: number, requestLine: string, body?: unknown) =>
    ['Content-Type: application/http', 'Content-Transfer-Encoding: binary', `Content-ID: ${contentId}`, '', requestLine, 'Content-Type: application/json', '', body === undefined ? '' : JSON.stringify(body)].join('\r\n');
  const batch = (changeset: string[], tail: string[] = []) =>
    [
      '--batch_1',
      'Content-Type: multipart/mixed; boundary=changeset_1',
      '',
      ...changeset.map((p) => `--changeset_1\r\n${p}`),
      '--changeset_1--',
      ...tail.map((p) => `--batch_1\r\n${p}`),
      '--batch_1--',
      '',
    ].join('\r\n');
  const send = (body: string) => fetch(`${dv.apiUrl}$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' }, body });

  it('runs a changeset with $1 references and a GET after it', async () => {
    const body = batch(
      [part(1, 'POST /api/data/v9.2/admin_apps HTTP/1.1', { admin_appid: guid(60), admin_displayname: 'batched' }), part(2, 'POST admin_auditlogs HTTP/1.1', { admin_auditlogid: guid(61), 'admin_AppLookup@odata.bind': '$1' })],
      [['Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET admin_auditlogs(${guid(61)})?$select=_admin_applookup_value HTTP/1.1`, 'Accept: application/json', '', ''].join('\r\n')],
    );
    const response = await send(body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_/);
    const text = await response.text();
    expect(text.match(/HTTP\/1\.1 204 No Content/g)).toHaveLength(2);
    expect(text).toContain(`OData-EntityId: ${dv.apiUrl}admin_apps(${guid(60)})`);
    expect(text).toMatch(/changesetresponse_/);
    expect(text).toContain(`"_admin_applookup_value":"${guid(60)}"`);
  });

  it('rolls a failed changeset back whole and returns the failing response', async () => {
    const body = batch([part(1, 'POST admin_apps HTTP/1.1', { admin_appid: guid(70) }), part(2, 'POST admin_apps HTTP/1.1', { admin_appid: APP })]);
    const text = await (await send(body)).text();
    expect(text).toContain('HTTP/1.1 412 Precondition Failed');
    expect(text).toContain('0x80040237');
    expect(text).toContain('Content-ID: 2');
    expect((await call(dv, 'GET', `admin_apps(${guid(70)})`)).status).toBe(404);
  });

  it('refuses a $batch without a multipart boundary', async () => {
    const response = await call(dv, 'POST', '$batch', { body: '{}' });
    expect(response.status).toBe(400);
  });
});

describe('return=representation with a bad $select', () => {
  it.each([
    ['POST', 'admin_flows?$select=nope', { admin_flowid: guid(80) }],
    ['PATCH', `admin_flows(${guid(80)})?$select=nope`, { admin_displayname: 'x' }],
  ])('%s fails before anything is stored', async (method, path, body) => {
    const response = await call(dv, method, path, { body, headers: { Prefer: 'return=representation' } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('0x80060888');
    expect((await call(dv, 'GET', `admin_flows(${guid(80)})`)).status).toBe(404);
  });
});

describe('deep insert', () => {
  it('creates the related row first and links it, in one transaction', async () => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body: { admin_auditlogid: guid(90), admin_title: 'deep', admin_AppLookup: { admin_appid: guid(91), admin_displayname: 'Created inside' } } });
    expect(response.status).toBe(204);
    expect((await call(dv, 'GET', `admin_auditlogs(${guid(90)})`)).json._admin_applookup_value).toBe(guid(91));
    expect((await call(dv, 'GET', `admin_apps(${guid(91)})`)).json.admin_displayname).toBe('Created inside');
  });

  it('stores neither row when the outer one fails', async () => {
    const response = await call(dv, 'POST', 'admin_auditlogs', { body: { admin_auditlogid: guid(90), admin_AppLookup: { admin_appid: guid(92) } } });
    expect(response.status).toBe(412);
    expect((await call(dv, 'GET', `admin_apps(${guid(92)})`)).status).toBe(404);
  });
});
