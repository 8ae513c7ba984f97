/**
 * Office 365 Management Activity API mock throughput: content listing + blob fetches (half each,
 * keep-alive, 32 in flight) against a bare node:http server answering a fixed JSON body with the
 * same client in the same run. Goal: >= 5k mock requests/s.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { measure, printComparison, printFigure, type Measurement } from './harness.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../tools/mocks/o365/index.js';

const CONCURRENCY = 32;
const BATCH = 2000;

/** One GET over the keep-alive agent; resolves with the status once the body is read. */
function get(agent: Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function batch(agent: Agent, urls: URL[], headers: Record<string, string>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < BATCH) {
      const url = urls[next++ % urls.length]!;
      const status = await get(agent, url, headers);
      if (status !== 200) throw new Error(`${url.pathname} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** CPU time (user + system, client and server together: one process) per request over `calls` batches. */
async function cpuMicrosPerRequest(calls: number, fn: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / (calls * BATCH);
}

export async function run(): Promise<void> {
  const now = new Date('2026-11-20T12:00:00Z');
  const mock = await startO365Mock({ now: () => now, seed: 'bench' });
  const token = (await (await fetch(`${mock.url}/${mock.tenantId}/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET, resource: 'https://manage.office.com' }) })).json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token.access_token}` };
  const api = `${mock.url}/api/v1.0/${mock.tenantId}/activity/feed`;
  await fetch(`${api}/subscriptions/start?contentType=Audit.General`, { method: 'POST', headers });
  const listUrl = new URL(`${api}/subscriptions/content?contentType=Audit.General&PublisherIdentifier=${DEFAULT_CLIENT_ID}`);
  const listText = await (await fetch(listUrl, { headers })).text();
  const blobs = (JSON.parse(listText) as { contentUri: string }[]).map((b) => new URL(`${b.contentUri}?PublisherIdentifier=${DEFAULT_CLIENT_ID}`));
  // Alternate: one listing, one blob fetch.
  const mockUrls = blobs.flatMap((blob) => [listUrl, blob]);

  const fixed = Buffer.from(listText);
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': fixed.length });
    res.end(fixed);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = new URL(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`);

  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    // Rounds alternate and the best of each side counts: other processes on a shared machine slow
    // whichever side happens to run while they do.
    let ours: Measurement | undefined;
    let baseline: Measurement | undefined;
    for (let round = 0; round < 3; round++) {
      const o = await measure('mock list+blob', () => batch(agent, mockUrls, headers), { opsPerCall: BATCH, minMs: 700, warmupCalls: 1 });
      const b = await measure('bare node:http fixed JSON', () => batch(agent, [bareUrl], headers), { opsPerCall: BATCH, minMs: 700, warmupCalls: 1 });
      if (!ours || o.perSecond > ours.perSecond) ours = o;
      if (!baseline || b.perSecond > baseline.perSecond) baseline = b;
    }
    if (!ours || !baseline) return;
    printComparison('O365 mock requests/s (content listing + blob fetch, best of 3 alternating rounds)', ours, baseline);
    // CPU per request moves far less than requests/s when other processes share the cores.
    let oursCpu = Infinity;
    let bareCpu = Infinity;
    for (let round = 0; round < 4; round++) {
      oursCpu = Math.min(oursCpu, await cpuMicrosPerRequest(2, () => batch(agent, mockUrls, headers)));
      bareCpu = Math.min(bareCpu, await cpuMicrosPerRequest(2, () => batch(agent, [bareUrl], headers)));
    }
    printFigure('O365 mock CPU per request (client + server, least of 4 alternating rounds)', `${oursCpu.toFixed(0)} us vs bare node:http ${bareCpu.toFixed(0)} us -> ${(bareCpu / oursCpu).toFixed(2)}x (higher is better)`);
    printFigure('O365 mock goal', `${ours.perSecond >= 5000 ? 'met' : 'NOT met'}: ${Math.round(ours.perSecond)} requests/s (goal >= 5000); listing ${blobs.length} blobs per page`);
  } finally {
    agent.destroy();
    bare.close();
    await mock.stop();
  }
}
