/**
 * Worker thread entry: the Office 365 Management API mock of a simulation (tenant records
 * generated and served here, on a core of their own). It reads the simulation's SharedClock and
 * answers the requests of o365-service.ts: subscriptions, fault log, ground truth, stop.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { TenantCatalog } from '../mocks/tenant/index.js';
import { O365Host, type FaultLog, type GroundTruthIds } from './o365-host.js';
import type { O365ServiceMockOptions } from './o365-service.js';
import { sharedClockReader } from './shared-clock.js';

export interface O365WorkerData {
  mock: O365ServiceMockOptions;
  /** The SharedClock's buffer. */
  clock: SharedArrayBuffer;
}

/** What the simulation's thread asks of the worker. */
export type O365WorkerCall =
  | { op: 'startSubscriptions'; contentTypes: string[]; sinceMs: number }
  | { op: 'faultLog' }
  | { op: 'prepare'; fromMs: number; toMs: number }
  | { op: 'groundTruth'; windows: [number, number][]; by: 'contentCreated' | 'creationTime' }
  | { op: 'stop' };

export type O365WorkerRequest = O365WorkerCall & { id: number };

export type O365WorkerReply =
  | { kind: 'ready'; url: string; tenantId: string; catalog: TenantCatalog }
  | { kind: 'failed'; message: string }
  | { kind: 'reply'; id: number; result?: FaultLog | GroundTruthIds; error?: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const data = workerData as O365WorkerData;
  try {
    const host = await O365Host.start({ ...data.mock, now: sharedClockReader(data.clock) });
    port.on('message', (request: O365WorkerRequest) => {
      void answer(host, request).then(
        (result) => port.postMessage({ kind: 'reply', id: request.id, result } satisfies O365WorkerReply),
        (error: unknown) => port.postMessage({ kind: 'reply', id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies O365WorkerReply),
      );
    });
    port.postMessage({ kind: 'ready', url: host.mock.url, tenantId: host.mock.tenantId, catalog: host.mock.tenant.catalog } satisfies O365WorkerReply);
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies O365WorkerReply);
  }
}

async function answer(host: O365Host, request: O365WorkerRequest): Promise<FaultLog | GroundTruthIds | undefined> {
  switch (request.op) {
    case 'startSubscriptions':
      host.startSubscriptions(request.contentTypes, request.sinceMs);
      return undefined;
    case 'faultLog':
      return host.faultLog();
    case 'prepare':
      host.prepare(request.fromMs, request.toMs);
      return undefined;
    case 'groundTruth':
      return host.groundTruth(request.windows, request.by);
    case 'stop':
      await host.mock.stop();
      return undefined;
  }
}
