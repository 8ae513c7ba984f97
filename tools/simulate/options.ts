import type { HttpTransport } from '../engine/connectors/transport.js';
import { UsageError } from '../core/errors.js';

/** Fault knobs of `--faults throttle=0.05,5xx=0.02,dup=0.1,late=0.05,expired=0.01,latency=5`. */
export interface FaultSpec {
  throttle: number;
  serverError: number;
  duplicate: number;
  late: number;
  expired: number;
  /** Real milliseconds added per mock request. */
  latencyMs: number;
}

const FAULT_KEYS: Record<string, keyof FaultSpec> = {
  throttle: 'throttle',
  '5xx': 'serverError',
  dup: 'duplicate',
  late: 'late',
  expired: 'expired',
  latency: 'latencyMs',
};

export function parseFaults(text: string | undefined): FaultSpec {
  const faults: FaultSpec = { throttle: 0, serverError: 0, duplicate: 0, late: 0, expired: 0, latencyMs: 0 };
  if (!text) return faults;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, raw] = part.split('=');
    const key = name ? FAULT_KEYS[name.trim()] : undefined;
    const value = Number(raw);
    if (!key || raw === undefined || !Number.isFinite(value) || value < 0) {
      throw new UsageError(`--faults: expected name=number pairs with names ${Object.keys(FAULT_KEYS).join(', ')}, got "${part}"`);
    }
    if (key !== 'latencyMs' && value > 1) throw new UsageError(`--faults: ${name} is a rate from 0 to 1, got ${raw}`);
    faults[key] = value;
  }
  return faults;
}

export interface SimulateOptions {
  /** A solution zip or unpacked folder (option 1), or a legacy flow package (option 2). */
  solution: string;
  option: 1 | 2;
  /** Deployment settings JSON (`pac solution import --settings-file` shape) for environment variable values. */
  settingsFile?: string;
  users: number;
  apps: number;
  days: number;
  eventsPerDay: number;
  seed: string;
  faults: FaultSpec;
  /** Content blobs per ListContent page before the mock sends NextPageUri (default 100; the service's own size is undocumented). */
  pageSize?: number;
  /** YAML table definitions for tables the solution uses but does not define. */
  tablesFiles: string[];
  /** Connector swaggers by connection reference key or API name. */
  connectors: Record<string, string>;
  /** ppkit's own built connectors (dist/connector), bound when a solution ships none. */
  ownConnectorsDir?: string;
  /** SQLite file of the Dataverse emulator: keep it to rerun over the same data (default in memory). */
  dbFile?: string;
  /** Where the HTML report goes. */
  reportFile: string;
  /** First simulated day (UTC date); default: `days` days before today. */
  start?: string;
  /** Entity set of the audit log table checked against ground truth. */
  auditTable: string;
  /** Runs shown with their full action tree in the report. */
  detailedRuns: number;
  /** `http` (default): every request over loopback HTTP; `direct`: Dataverse requests go to the emulator's router in-process. */
  transport?: 'http' | 'direct';
  /**
   * The engine's HTTP client for every request (tests pass their own). Without it, requests to the
   * local services go over kept-alive node:http sockets (loopback-transport.ts), others through fetch.
   */
  fetch?: typeof fetch;
  /**
   * Where the Office 365 mock runs: `worker` (default) generates and serves the tenant's records on
   * a worker thread (a second core) while the engine runs here; `main` keeps it in this thread.
   */
  o365Thread?: 'worker' | 'main';
  /** Wraps the transport of the engine's requests over HTTP (the benchmark times the requests in flight). */
  wrapTransport?: (transport: HttpTransport) => HttpTransport;
}
