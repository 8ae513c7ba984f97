import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { O365MockOptions } from '../mocks/o365/index.js';
import type { TenantCatalog, TenantOptions } from '../mocks/tenant/index.js';
import { O365Host, type FaultLog, type GroundTruthIds } from './o365-host.js';
import type { SharedClock } from './shared-clock.js';
import type { O365WorkerCall, O365WorkerData, O365WorkerReply, O365WorkerRequest } from './o365-worker.js';

/** The mock's options that cross to a worker thread: plain data (no clock, log or tenant object). */
export type O365ServiceMockOptions = Omit<O365MockOptions, 'log' | 'now' | 'tenant' | 'stateFile'> & { tenant: TenantOptions };

/** Where the Office 365 mock runs: a worker thread (the default, a second core) or the simulation's own thread. */
export type O365Thread = 'worker' | 'main';

/** The Office 365 Management API mock as simulate uses it, wherever it runs. */
export interface O365Service {
  url: string;
  tenantId: string;
  thread: O365Thread;
  /** The tenant's users, environments and apps (a copy from a worker: activity stays where the mock serves it). */
  catalog: TenantCatalog;
  startSubscriptions(contentTypes: readonly string[], sinceMs: number): Promise<void>;
  faultLog(): Promise<FaultLog>;
  /**
   * Lets a mock in a worker thread build ahead the content created in [fromMs, toMs) (the next
   * run's), while the engine works on this thread. Nothing to wait for; a no-op in this thread.
   */
  prepare(fromMs: number, toMs: number): void;
  groundTruth(windows: readonly [number, number][], by: 'contentCreated' | 'creationTime'): Promise<GroundTruthIds>;
  stop(): Promise<void>;
}

/**
 * Starts the mock in a worker thread, which generates the tenant's records and serves them on a
 * core of its own while the engine runs on this one; its clock is the simulation's SharedClock.
 * Where no worker entry can be loaded (TypeScript sources without tsx), or with `thread: 'main'`,
 * it runs in this thread, with the same answers.
 */
export async function startO365Service(mock: O365ServiceMockOptions, clock: SharedClock, thread: O365Thread = 'worker'): Promise<O365Service> {
  const entry = thread === 'worker' ? workerEntry() : undefined;
  if (entry) return startInWorker(entry, { mock, clock: clock.buffer });
  const host = await O365Host.start({ ...mock, now: () => new Date(clock.now()) });
  return {
    url: host.mock.url,
    tenantId: host.mock.tenantId,
    thread: 'main',
    catalog: host.mock.tenant.catalog,
    startSubscriptions: async (contentTypes, sinceMs) => host.startSubscriptions(contentTypes, sinceMs),
    faultLog: async () => host.faultLog(),
    prepare: () => undefined,
    groundTruth: async (windows, by) => host.groundTruth(windows, by),
    stop: () => host.mock.stop(),
  };
}

/**
 * The worker's entry beside this module: the built `.js`, or from TypeScript sources (tests, tsx)
 * a small module that registers tsx in the worker and imports the `.ts` entry.
 */
function workerEntry(): URL | undefined {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(`./o365-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return undefined;
  if (!source) return entry;
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const bootstrap = `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(entry.href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

async function startInWorker(entry: URL, data: O365WorkerData): Promise<O365Service> {
  const worker = new Worker(entry, { workerData: data });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const call of pending.values()) call.reject(failure);
    pending.clear();
  };
  const ready = new Promise<Extract<O365WorkerReply, { kind: 'ready' }>>((resolve, reject) => {
    worker.once('message', (message: O365WorkerReply) => (message.kind === 'ready' ? resolve(message) : reject(new Error(message.kind === 'failed' ? message.message : 'the O365 mock worker did not start'))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the O365 mock worker stopped (exit code ${code}) before it was ready`)));
  });
  worker.on('error', (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => failAll(new Error(`the O365 mock worker stopped (exit code ${code})`)));
  worker.on('message', (message: O365WorkerReply) => {
    if (message.kind !== 'reply') return;
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(message.error));
    else call?.resolve(message.result);
  });
  const call = <T>(request: O365WorkerCall): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id } satisfies O365WorkerRequest);
    });
  };
  let started: Extract<O365WorkerReply, { kind: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    url: started.url,
    tenantId: started.tenantId,
    thread: 'worker',
    catalog: started.catalog,
    startSubscriptions: (contentTypes, sinceMs) => call({ op: 'startSubscriptions', contentTypes: [...contentTypes], sinceMs }),
    faultLog: () => call({ op: 'faultLog' }),
    prepare: (fromMs, toMs) => void call({ op: 'prepare', fromMs, toMs }).catch(() => undefined),
    groundTruth: (windows, by) => call({ op: 'groundTruth', windows: windows.map(([from, to]) => [from, to]), by }),
    async stop() {
      try {
        if (!failure) await call({ op: 'stop' });
      } finally {
        await worker.terminate();
      }
    },
  };
}
