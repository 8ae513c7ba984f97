import { COE_CORE_TABLES_FILE, loadTablesFiles, startDataverse, type RunningDataverse } from '../../../tools/mocks/dataverse/index.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');
export const FIXED_NOW = new Date('2024-06-01T12:00:00Z');

/** CoE core tables + the widgets fixture, in memory, on a free port, with a fixed clock. */
export function startFixtureDataverse(dbFile?: string): Promise<RunningDataverse> {
  const tables = loadTablesFiles([COE_CORE_TABLES_FILE, join(FIXTURES, 'widgets.yaml')]);
  return startDataverse({ port: 0, tables, dbFile, now: () => FIXED_NOW });
}

export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One HTTP request to the emulator's API root. */
export async function call(dv: RunningDataverse, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Exchange> {
  const response = await fetch(`${dv.apiUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'OData-Version': '4.0', ...options.headers },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const guid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
