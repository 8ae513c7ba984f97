import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readBody, sendText, startHttpServer } from '../../http/index.js';
import { defineTables } from '../model/define-tables.js';
import type { TableDefinition, TableSet } from '../model/table.js';
import { DataverseStore, type SynchronousMode } from '../store/dataverse-store.js';
import { dispatch } from './dispatch.js';
import { JSON_CONTENT_TYPE, type DataverseRequest } from './exchange.js';

export interface StartDataverseOptions {
  /** 0 (the default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** Resolved tables (from loadTablesFiles) or definitions to resolve. */
  tables: TableSet | readonly TableDefinition[];
  /** SQLite file; default `:memory:`. */
  dbFile?: string;
  /** SQLite `synchronous` for a file database (see StoreOptions). */
  synchronous?: SynchronousMode;
  now?: () => Date;
  /** Largest request body accepted (default 16 MB). */
  maxBodyBytes?: number;
  /**
   * Azure Key Vault secrets by reference (`/subscriptions/…/vaults/<vault>/secrets/<name>`), the
   * values RetrieveEnvironmentVariableSecretValue returns for Secret-type environment variables.
   */
  secrets?: Record<string, string>;
}

export interface RunningDataverse {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/api/data/v9.2/` */
  apiUrl: string;
  port: number;
  store: DataverseStore;
  /** Stops the server and closes the database. */
  stop(): Promise<void>;
}

/** Web API versions a client may put in the URL; they behave the same here. */
const API_PREFIX = /^\/api\/data\/v9\.[0-2]\/?/;

/** Starts the Dataverse emulator: the Web API subset at `/api/data/v9.2/` over a SQLite store. */
export async function startDataverse(options: StartDataverseOptions): Promise<RunningDataverse> {
  const tables = Array.isArray(options.tables) ? defineTables(options.tables as TableDefinition[]) : (options.tables as TableSet);
  const store = new DataverseStore({ tables, dbFile: options.dbFile, now: options.now, synchronous: options.synchronous });
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const secrets = new Map(Object.entries(options.secrets ?? {}));
  let serviceRoot = '';
  let server;
  try {
    server = await startHttpServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const prefix = API_PREFIX.exec(url.pathname);
      if (!prefix) {
        sendText(response, 404, JSON.stringify({ error: { code: '0x8006088a', message: `Resource not found for the segment '${url.pathname}'.` } }), { 'Content-Type': JSON_CONTENT_TYPE });
        return;
      }
      let body = '';
      try {
        body = await readBody(request, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        sendText(response, 413, JSON.stringify({ error: { code: '0x80040203', message: `The request body is larger than ${maxBodyBytes} bytes.` } }), { 'Content-Type': JSON_CONTENT_TYPE });
        return;
      }
      const answer = dispatch(toRequest(request, url, prefix[0], body), { store, serviceRoot, secrets });
      sendText(response, answer.status, answer.body, answer.headers);
    });
  } catch (error) {
    store.close();
    throw error;
  }
  serviceRoot = `${server.url}/api/data/v9.2/`;
  return {
    url: server.url,
    apiUrl: serviceRoot,
    port: server.port,
    store,
    async stop() {
      await server.stop();
      if (store.db.open) store.close();
    },
  };
}

function toRequest(request: IncomingMessage, url: URL, prefix: string, body: string): DataverseRequest {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  return { method: request.method ?? 'GET', path: url.pathname.slice(prefix.length), search: url.searchParams, headers, body };
}
