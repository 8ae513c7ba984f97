/**
 * Dataverse emulator throughput. Store layer (no HTTP): single-row creates (one SQLite transaction
 * each, WAL file) and filtered queries, against raw better-sqlite3 running the same statements on
 * the same schema in the same run. HTTP overhead separately: the same creates and queries through
 * the Web API (keep-alive, 16 in flight) against the store layer. Goal: >= 20k single-row creates/s
 * through the store layer.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, printComparison, printFigure } from './harness.js';
import { COE_CORE_TABLES_FILE, DataverseStore, loadTablesFiles, startDataverse } from '../tools/mocks/dataverse/index.js';

const BATCH = 1000;
const CONCURRENCY = 16;
const SEED_ROWS = 20_000;
const APPS = 50;

const auditRecord = (i: number) => ({
  admin_title: `Launch ${i}`,
  admin_creationtime: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
  admin_appid: `app-${i % APPS}`,
  admin_operation: i % 10 === 0 ? 'DeletePowerApp' : 'LaunchPowerApp',
  admin_userupn: `user${i % 200}@contoso.com`,
  admin_workload: 'PowerApps',
});

/** The same INSERT the store runs, with every column of the table, on a connection set up the same way. */
function rawInsert(db: Database.Database) {
  const columns = (db.prepare('PRAGMA table_info("admin_auditlog")').all() as Array<{ name: string }>).map((c) => c.name);
  const statement = db.prepare(`INSERT INTO "admin_auditlog" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  let version = 1_000_000;
  return (i: number) => {
    const record = auditRecord(i) as Record<string, unknown>;
    const stamp = `${new Date().toISOString().slice(0, 19)}Z`;
    const values = columns.map((c) => {
      if (c === 'admin_auditlogid') return randomUUID();
      if (c === 'createdon' || c === 'modifiedon') return stamp;
      if (c === 'versionnumber') return ++version;
      if (c === 'statecode') return 0;
      if (c === 'statuscode') return 1;
      return record[c] ?? null;
    });
    statement.run(...values);
  };
}

function httpCall(agent: Agent, url: URL, method: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, method, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function inFlight(count: number, call: (i: number) => Promise<number>, expected: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const status = await call(next++);
      if (status !== expected) throw new Error(`answered ${status}, expected ${expected}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ppkit-bench-dv-'));
  const tables = loadTablesFiles([COE_CORE_TABLES_FILE]);
  try {
    // 1. Single-row creates, each its own transaction, on a WAL file.
    const store = new DataverseStore({ tables, dbFile: join(folder, 'store.sqlite') });
    const baselineStore = new DataverseStore({ tables, dbFile: join(folder, 'raw.sqlite') });
    const raw = rawInsert(baselineStore.db);
    let n = 0;
    const ours = await measure('store.create', () => {
      for (let i = 0; i < BATCH; i++) store.create('admin_auditlogs', auditRecord(n++));
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    let m = 0;
    const baseline = await measure('raw better-sqlite3 INSERT', () => {
      for (let i = 0; i < BATCH; i++) raw(m++);
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    printComparison('single-row creates (WAL file, synchronous=off, 1 transaction each)', ours, baseline);
    printFigure('goal >= 20k creates/s through the store layer', ours.perSecond >= 20_000 ? `met (${Math.round(ours.perSecond)}/s)` : `NOT met (${Math.round(ours.perSecond)}/s)`);

    // 1a. With synchronous=normal (fsync at WAL checkpoints: survives an OS crash too).
    const durable = new DataverseStore({ tables, dbFile: join(folder, 'durable.sqlite'), synchronous: 'normal' });
    const durableBaseline = new DataverseStore({ tables, dbFile: join(folder, 'durable-raw.sqlite'), synchronous: 'normal' });
    const rawDurable = rawInsert(durableBaseline.db);
    let d = 0;
    const oursDurable = await measure('store.create', () => {
      for (let i = 0; i < BATCH; i++) durable.create('admin_auditlogs', auditRecord(d++));
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    let e = 0;
    const baseDurable = await measure('raw better-sqlite3 INSERT', () => {
      for (let i = 0; i < BATCH; i++) rawDurable(e++);
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    printComparison('single-row creates (WAL file, synchronous=normal)', oursDurable, baseDurable);
    durable.close();
    durableBaseline.close();

    // 1b. The same in memory: the store's own cost without the file system.
    const memory = new DataverseStore({ tables });
    const memoryBaseline = new DataverseStore({ tables });
    const rawMemory = rawInsert(memoryBaseline.db);
    let k = 0;
    const oursMemory = await measure('store.create', () => {
      for (let i = 0; i < BATCH; i++) memory.create('admin_auditlogs', auditRecord(k++));
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    let l = 0;
    const baseMemory = await measure('raw better-sqlite3 INSERT', () => {
      for (let i = 0; i < BATCH; i++) rawMemory(l++);
    }, { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
    printComparison('single-row creates (:memory:)', oursMemory, baseMemory);
    memory.close();
    memoryBaseline.close();

    // 2. Filtered queries on a table of SEED_ROWS rows: text + date filter, 50 rows, 3 columns.
    const query = new DataverseStore({ tables, dbFile: join(folder, 'query.sqlite') });
    query.transaction(() => {
      for (let i = 0; i < SEED_ROWS; i++) query.create('admin_auditlogs', auditRecord(i));
    });
    const filter = "admin_operation eq 'DeletePowerApp' and admin_creationtime ge 2024-05-10T00:00:00Z and startswith(admin_userupn,'user1')";
    const select = ['admin_title', 'admin_creationtime', 'admin_userupn'];
    const oursQuery = await measure('store.query', () => {
      for (let i = 0; i < 100; i++) if (query.query('admin_auditlogs', { filter, select, top: 50 }).rows.length !== 50) throw new Error('expected 50 rows');
    }, { opsPerCall: 100, minMs: 2000, warmupCalls: 1 });
    const rawQuery = query.db.prepare(
      `SELECT "versionnumber", "admin_title", "admin_creationtime", "admin_userupn", "admin_auditlogid" FROM "admin_auditlog"
       WHERE "admin_operation" = ? COLLATE NOCASE AND "admin_creationtime" >= ? AND "admin_userupn" LIKE ? ORDER BY "admin_auditlogid" LIMIT ?`,
    );
    const baseQuery = await measure('raw better-sqlite3 SELECT', () => {
      for (let i = 0; i < 100; i++) if (rawQuery.all('DeletePowerApp', '2024-05-10T00:00:00Z', 'user1%', 50).length !== 50) throw new Error('expected 50 rows');
    }, { opsPerCall: 100, minMs: 2000, warmupCalls: 1 });
    printComparison(`filtered queries ($filter eq/ge/startswith, $top 50, ${SEED_ROWS} rows)`, oursQuery, baseQuery);

    // 3. HTTP overhead: the same work through the Web API vs the store layer.
    const server = await startDataverse({ tables, dbFile: join(folder, 'http.sqlite') });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    try {
      const createUrl = new URL(`${server.apiUrl}admin_auditlogs`);
      let h = 0;
      const httpCreates = await measure('HTTP POST', () => inFlight(BATCH, () => httpCall(agent, createUrl, 'POST', JSON.stringify(auditRecord(h++))), 204), { opsPerCall: BATCH, minMs: 2000, warmupCalls: 1 });
      printComparison('creates over HTTP vs store layer', httpCreates, ours);
      server.store.transaction(() => {
        for (let i = 0; i < SEED_ROWS; i++) server.store.create('admin_auditlogs', auditRecord(i));
      });
      const queryUrl = new URL(`${server.apiUrl}admin_auditlogs?$select=${select.join(',')}&$top=50&$filter=${encodeURIComponent(filter)}`);
      const httpQueries = await measure('HTTP GET', () => inFlight(200, () => httpCall(agent, queryUrl, 'GET'), 200), { opsPerCall: 200, minMs: 2000, warmupCalls: 1 });
      printComparison('filtered queries over HTTP vs store layer', httpQueries, oursQuery);
    } finally {
      agent.destroy();
      await server.stop();
    }
    store.close();
    baselineStore.close();
    query.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
