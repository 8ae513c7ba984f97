import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaults } from '../../tools/simulate/options.js';
import { SharedClock, sharedClockReader } from '../../tools/simulate/shared-clock.js';
import { simulate, type SimulationResult } from '../../tools/simulate/simulate.js';
import { buildArtefacts, type BuiltArtefacts } from './built-artefacts.js';

let built: BuiltArtefacts;
beforeAll(async () => {
  built = await buildArtefacts();
}, 120_000);
afterAll(() => built?.remove());

function run(thread: 'worker' | 'main', transport: 'http' | 'direct', faults: string, option: 1 | 2 = 1): Promise<SimulationResult> {
  return simulate({
    o365Thread: thread,
    transport,
    solution: option === 1 ? built.managedZip : built.legacyPackage,
    option,
    users: 10,
    apps: 4,
    days: 1,
    eventsPerDay: 100,
    seed: 'o365-thread',
    start: '2026-11-10',
    faults: parseFaults(faults),
    tablesFiles: [],
    connectors: {},
    ownConnectorsDir: built.connectorsDir,
    reportFile: join(built.dir, `${thread}-${transport}-${option}.html`),
    auditTable: 'admin_auditlogs',
    detailedRuns: 1,
  });
}

/** What the tenant and the flows decide, whatever thread served the mock (fault draws follow request order, which sockets may change). */
const settled = (r: SimulationResult) => ({ ok: r.ok, problems: r.problems, runs: r.runs, blobs: r.blobs, records: r.records, launches: r.launches, rowsCreated: r.rowsCreated, groundTruth: r.groundTruth, perApp: r.perApp, tenant: r.tenant });

describe('the Office 365 mock in a worker thread answers as it does in the simulation thread', () => {
  it.each([
    ['option 1 over HTTP, no faults', 'http', '', 1],
    ['option 1, Dataverse in-process, every fault kind', 'direct', 'throttle=0.05,5xx=0.02,dup=0.1,late=0.05,expired=0.05', 1],
    ['option 2, the legacy endpoint with basic auth', 'http', 'dup=0.1', 2],
  ] as const)('%s', { timeout: 120_000 }, async (_name, transport, faults, option) => {
    const [inWorker, inThread] = [await run('worker', transport, faults, option), await run('main', transport, faults, option)];
    expect(inWorker.o365Thread).toBe('worker');
    expect(inThread.o365Thread).toBe('main');
    expect(inWorker.groundTruth.expected).toBeGreaterThan(50);
    expect(settled(inWorker)).toEqual(settled(inThread));
    // The fault log crosses back from the worker: the error answers the flows met are counted.
    if (faults.includes('throttle')) expect(Object.keys(inWorker.faults).some((k) => k.startsWith('403 '))).toBe(true);
    if (faults.includes('expired')) expect(inWorker.faults['400 ListContentDetails']).toBe(inWorker.expiredSkipped);
  });
});

describe('SharedClock', () => {
  it.each([
    ['setTime', (c: SharedClock) => c.setTime(Date.UTC(2026, 10, 12, 8)), Date.UTC(2026, 10, 12, 8)],
    ['sleep (a Delay action or retry wait)', (c: SharedClock) => void c.sleep(90_000), Date.UTC(2026, 10, 10) + 90_000],
    ['advance', (c: SharedClock) => c.advance(1_500), Date.UTC(2026, 10, 10) + 1_500],
    ['setTime backwards (a parallel branch)', (c: SharedClock) => c.setTime(Date.UTC(2026, 10, 9)), Date.UTC(2026, 10, 9)],
  ])('publishes %s to another thread', async (_name, change, expected) => {
    const clock = new SharedClock(Date.UTC(2026, 10, 10));
    expect(sharedClockReader(clock.buffer)().getTime()).toBe(Date.UTC(2026, 10, 10));
    change(clock);
    expect(clock.now()).toBe(expected);
    // Read in a real worker thread from the shared memory alone.
    const source = 'const { parentPort, workerData } = require("node:worker_threads"); parentPort.postMessage(Number(Atomics.load(new BigInt64Array(workerData), 0)));';
    const worker = new Worker(source, { eval: true, workerData: clock.buffer });
    const seen = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(seen).toBe(expected);
  });
});
