import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, sendJson, startHttpServer, type RunningServer } from '../../../tools/mocks/http/index.js';
import { startDataverse, loadTablesFiles, COE_CORE_TABLES_FILE, type RunningDataverse } from '../../../tools/mocks/dataverse/index.js';

/** A request path of exactly `length` characters (path + query). */
function pathOfLength(length: number): string {
  const head = '/echo?q=';
  return head + 'a'.repeat(length - head.length);
}

let server: RunningServer;
beforeAll(async () => {
  server = await startHttpServer((request, response) => sendJson(response, 200, { length: request.url?.length }));
});
afterAll(() => server?.stop());

describe('local HTTP servers accept URLs as long as Dataverse does (32 KB), over real HTTP', () => {
  it.each([
    ['16 KB + 1 (Node refuses it by default with 431)', 16 * 1024 + 1, {}, 200],
    ['exactly 32,768 characters', MAX_URL_LENGTH, {}, 200],
    ['32,768 characters and a 12 KB bearer token', MAX_URL_LENGTH, { Authorization: `Bearer ${'t'.repeat(12 * 1024)}` }, 200],
    ['32,769 characters', MAX_URL_LENGTH + 1, {}, 414],
    ['60 KB', 60 * 1024, {}, 414],
  ])('%s', async (_name, length, headers, status) => {
    const response = await fetch(server.url + pathOfLength(length), { headers });
    expect(response.status).toBe(status);
    if (status === 200) expect(await response.json()).toEqual({ length });
    else expect(await response.text()).toContain('HTTP Error 414. The request URL is too long.');
  });

  it('keeps serving after refusing a long URL', async () => {
    expect((await fetch(server.url + pathOfLength(MAX_URL_LENGTH + 10))).status).toBe(414);
    expect((await fetch(`${server.url}/echo`)).status).toBe(200);
  });
});

describe('the Dataverse emulator answers a long $filter URL (over 16 KB) like the service', () => {
  let dataverse: RunningDataverse;
  beforeAll(async () => {
    dataverse = await startDataverse({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]) });
  });
  afterAll(() => dataverse?.stop());

  it('filters on 400 ids in one GET', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    await fetch(`${dataverse.url}/api/data/v9.2/admin_auditlogs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ admin_auditlogid: ids[7], admin_title: 'seven' }) });
    const filter = ids.map((id) => `admin_auditlogid eq ${id}`).join(' or ');
    const url = `${dataverse.url}/api/data/v9.2/admin_auditlogs?$select=admin_title&$filter=${encodeURIComponent(filter)}`;
    expect(url.length).toBeGreaterThan(16 * 1024);
    expect(url.length).toBeLessThan(MAX_URL_LENGTH);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: { admin_title: string }[] };
    expect(body.value.map((r) => r.admin_title)).toEqual(['seven']);
  });
});
