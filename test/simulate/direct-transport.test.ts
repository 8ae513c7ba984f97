import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionResolver } from '../../tools/engine/connectors/connections.js';
import { sendHttp, type HttpRequest, type HttpResult } from '../../tools/engine/connectors/http-client.js';
import { fetchTransport } from '../../tools/engine/connectors/transport.js';
import type { RunServices } from '../../tools/engine/context/services.js';
import type { RunningDataverse } from '../../tools/mocks/dataverse/index.js';
import { directDataverseTransport } from '../../tools/simulate/direct-transport.js';
import { guid, startFixtureDataverse } from '../mocks/dataverse/helpers.js';

/** What Node adds to every HTTP answer, and what an in-process answer therefore lacks. */
const TRANSPORT_ONLY = new Set(['date', 'connection', 'keep-alive']);

const JSON_HEADERS = { Accept: 'application/json', 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' };
const REPRESENTATION = { ...JSON_HEADERS, Prefer: 'return=representation,odata.include-annotations="*"' };

/** Requests in order (later ones read what earlier ones wrote); paths are below the API root. */
const EXCHANGES: Array<[string, Omit<HttpRequest, 'url'> & { path: string }]> = [
  ['create with return=representation', { method: 'POST', path: 'test_owners', headers: REPRESENTATION, body: { test_ownerid: guid(1), test_name: 'Ann' } }],
  ['create, 204 with OData-EntityId', { method: 'POST', path: 'test_widgets', headers: JSON_HEADERS, body: { test_widgetid: guid(2), test_name: 'w2', test_code: 'C2', test_count: 2, 'test_Owner@odata.bind': `/test_owners(${guid(1)})` } }],
  ['upsert that creates (PATCH)', { method: 'PATCH', path: `test_widgets(${guid(3)})`, headers: REPRESENTATION, body: { test_name: 'w3', test_code: 'C3', test_price: 1.5, test_at: '2024-05-01T10:00:00Z' } }],
  ['upsert that updates (PATCH, lower-case header names)', { method: 'patch', path: `test_widgets(${guid(3)})`, headers: { accept: 'application/json', prefer: 'return=representation' }, body: { test_count: 7 } }],
  ['duplicate key, 412', { method: 'POST', path: 'test_widgets', headers: JSON_HEADERS, body: { test_widgetid: guid(2), test_name: 'again' } }],
  ['If-Match: * on a missing row, 404', { method: 'PATCH', path: `test_widgets(${guid(9)})`, headers: { ...JSON_HEADERS, 'If-Match': '*' }, body: { test_name: 'no' } }],
  ['body that is not JSON, 400', { method: 'POST', path: 'test_widgets', headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' }, body: '{"test_name": ' }],
  ['lookup by $filter and $top as the CoE child flow does', { method: 'GET', path: `test_widgets?$select=test_widgetid&$filter=test_widgetid eq ${guid(3)}&$top=1`, headers: { ...JSON_HEADERS, Prefer: 'odata.include-annotations="*",odata.maxpagesize=5000' } }],
  ['a page with @odata.nextLink', { method: 'GET', path: 'test_widgets?$select=test_name&$orderby=test_name desc&$count=true', headers: { ...JSON_HEADERS, Prefer: 'odata.maxpagesize=1' } }],
  ['one row with annotations and $expand', { method: 'GET', path: `test_widgets(${guid(2)})?$select=test_name,test_count&$expand=test_Owner($select=test_name)`, headers: REPRESENTATION }],
  ['If-None-Match of the current version, 304', { method: 'GET', path: `test_widgets(${guid(3)})?$select=test_name`, headers: { ...JSON_HEADERS, 'If-None-Match': 'W/"4"' } }],
  ['a text filter with spaces and non-ASCII (the URL parser path)', { method: 'GET', path: "test_widgets?$select=test_name&$filter=test_name eq 'w3 é'", headers: JSON_HEADERS }],
  ['a fragment, which never reaches the server', { method: 'GET', path: 'test_widgets?$select=test_name#frag', headers: JSON_HEADERS }],
  ['dot segments, which the URL parser resolves', { method: 'GET', path: 'x/../test_widgets/./$count', headers: JSON_HEADERS }],
  ['an encoded dot segment', { method: 'GET', path: 'x/%2E%2e/test_widgets?$top=1&$select=test_name', headers: JSON_HEADERS }],
  ['a quote, brackets and a plus in the query', { method: 'GET', path: "test_widgets?$select=test_name&$filter=test_name eq 'a+[b]|^'", headers: JSON_HEADERS }],
  ['a percent-encoded key', { method: 'GET', path: `test_widgets(test_code=%27C3%27)?$select=test_name`, headers: JSON_HEADERS }],
  ['a property', { method: 'GET', path: `test_widgets(${guid(3)})/test_count`, headers: JSON_HEADERS }],
  ['a null property, 204', { method: 'GET', path: `test_widgets(${guid(3)})/test_notes`, headers: JSON_HEADERS }],
  ['an unknown entity set, 404', { method: 'GET', path: 'nothing_here', headers: JSON_HEADERS }],
  ['a bad $filter, 400', { method: 'GET', path: 'test_widgets?$filter=test_count eq', headers: JSON_HEADERS }],
  ['$count', { method: 'GET', path: 'test_widgets/$count', headers: JSON_HEADERS }],
  ['$metadata (XML text)', { method: 'GET', path: '$metadata', headers: {} }],
  ['a method the collection does not allow, 405', { method: 'DELETE', path: 'test_widgets', headers: JSON_HEADERS }],
  ['delete, 204', { method: 'DELETE', path: `test_widgets(${guid(2)})`, headers: JSON_HEADERS }],
];

function services(transport?: RunServices['transport']): RunServices {
  return { connections: new ConnectionResolver({}), fetch: globalThis.fetch, transport, requestTimeoutMs: 10_000, webhookTimeoutMs: 60_000, webhookCallbackWaitMs: 100 };
}

/** The answer with the emulator's own address replaced, so two emulators on two ports compare. */
function comparable(result: HttpResult, dataverse: RunningDataverse): unknown {
  const headers = Object.fromEntries(Object.entries(result.headers).filter(([name]) => !TRANSPORT_ONLY.has(name)));
  return JSON.parse(JSON.stringify({ statusCode: result.statusCode, headers, headerOrder: Object.keys(headers), body: result.body ?? null }).replaceAll(dataverse.url, 'http://dataverse'));
}

describe('--transport direct answers the engine exactly as the Dataverse emulator does over HTTP', () => {
  let overHttp: RunningDataverse;
  let inProcess: RunningDataverse;
  beforeAll(async () => {
    [overHttp, inProcess] = await Promise.all([startFixtureDataverse(), startFixtureDataverse()]);
  });
  afterAll(async () => {
    await Promise.all([overHttp?.stop(), inProcess?.stop()]);
  });

  it('gives the same status, headers and body, request after request', async () => {
    const http = services();
    // Requests to the in-process emulator must not reach the fallback: it refuses them.
    const refusing = { send: () => Promise.reject(new Error('went over HTTP')) };
    const direct = services(directDataverseTransport(inProcess, refusing));
    for (const [name, { path, ...request }] of EXCHANGES) {
      const viaHttp = await sendHttp(http, { ...request, url: `${overHttp.apiUrl}${path}` });
      const viaDirect = await sendHttp(direct, { ...request, url: `${inProcess.apiUrl}${path}` });
      expect(comparable(viaDirect, inProcess), name).toEqual(comparable(viaHttp, overHttp));
      // Cases named with a status ("..., 404") must meet it, so the table covers what it says.
      const status = /, (\d{3})/.exec(name)?.[1];
      if (status) expect(viaDirect.statusCode, name).toBe(Number(status));
    }
  });

  it('sends every other URL through the fallback transport', async () => {
    const seen: string[] = [];
    const fallback = fetchTransport(async (input, init) => {
      seen.push(`${init?.method} ${String(input)}`);
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const direct = services(directDataverseTransport(inProcess, fallback));
    const other = await sendHttp(direct, { method: 'get', url: 'http://127.0.0.1:1/office365/feed', headers: {} });
    const olderVersion = await sendHttp(direct, { method: 'GET', url: `${inProcess.url}/api/data/v9.0/test_widgets`, headers: {} });
    expect([other.body, olderVersion.body]).toEqual([{ ok: true }, { ok: true }]);
    expect(seen).toEqual(['GET http://127.0.0.1:1/office365/feed', `GET ${inProcess.url}/api/data/v9.0/test_widgets`]);
  });
});
