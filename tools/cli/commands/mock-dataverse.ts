import { InputError, PpkitError } from '../../core/errors.js';
import { COE_CORE_TABLES_FILE, loadTablesFiles } from '../../mocks/dataverse/model/load-tables.js';
import { startDataverse, type RunningDataverse } from '../../mocks/dataverse/http/start-dataverse.js';
import { readSecretsFile } from '../../mocks/dataverse/secrets-file.js';
import type { SynchronousMode } from '../../mocks/dataverse/store/dataverse-store.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice, parseInteger } from '../options.js';

interface MockDataverseOptions {
  port: number;
  tables?: string[];
  db: string;
  sync: SynchronousMode;
  secrets?: string;
}

export const DEFAULT_DATAVERSE_PORT = 8765;

/** `ppkit mock dataverse`: the Dataverse Web API emulator on SQLite, until SIGINT/SIGTERM. */
export const mockDataverseCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'mock', 'run local mocks of the services the flows call', 'ppkit mock dataverse --port 8765');
    withExamples(
      group
        .command('dataverse')
        .description('serve a Dataverse Web API emulator (/api/data/v9.2/) on 127.0.0.1, backed by SQLite')
        .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', parseInteger(0, 65535), DEFAULT_DATAVERSE_PORT)
        .option('--tables <file.yaml>', 'table definitions (repeatable; default: the CoE core tables admin_apps, admin_flows, admin_auditlogs)', collect)
        .option('--db <file>', 'SQLite database file (kept between runs); default: in memory', ':memory:')
        .option('--sync <mode>', 'fsync of --db: off (a killed process still loses no committed row), normal or full (also survive an OS crash, slower)', parseChoice(['off', 'normal', 'full'] as const), 'off')
        .option('--secrets <file.json>', 'Key Vault secrets for Secret-type environment variables: {"<secret reference>": "<value>"} (RetrieveEnvironmentVariableSecretValue)'),
      'ppkit mock dataverse',
      'ppkit mock dataverse --port 0 --db /tmp/coe.sqlite',
      'ppkit mock dataverse --db coe.sqlite --sync full',
      'ppkit mock dataverse --tables my-tables.yaml --tables tools/mocks/dataverse/tables/coe-core.yaml',
      'ppkit mock dataverse --tables env-vars.yaml --secrets key-vault-secrets.json',
    ).action(
      context.action(async (options: MockDataverseOptions) => {
        const tables = loadTablesFiles(options.tables ?? [COE_CORE_TABLES_FILE]);
        const secrets = options.secrets === undefined ? undefined : readSecretsFile(options.secrets);
        let running: RunningDataverse;
        try {
          running = await startDataverse({ port: options.port, tables, dbFile: options.db, synchronous: options.sync, secrets });
        } catch (error) {
          throw startError(error, options);
        }
        context.io.stdout(`listening on ${running.url}\n`);
        context.io.stderr(`dataverse: Web API at ${running.apiUrl} (${tables.tables.map((t) => t.entitySetName).join(', ')}; database ${options.db})\n`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await running.stop();
        return 0;
      }),
    );
  },
};

function startError(error: unknown, options: MockDataverseOptions): PpkitError {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new PpkitError(`port ${options.port} is already in use; choose another with --port (0 picks a free one)`);
  if (code === 'EACCES') return new PpkitError(`not allowed to listen on port ${options.port}; choose a port above 1023 with --port`);
  if (error instanceof PpkitError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE|database|directory/i.test(message) || code?.startsWith('SQLITE')) return new InputError(`cannot open the database: ${message}`, { file: options.db });
  return new PpkitError(message);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
