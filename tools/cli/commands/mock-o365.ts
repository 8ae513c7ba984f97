import { InvalidArgumentError } from 'commander';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { parseChoice, parseInteger } from '../options.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_TENANT_ID, type FaultOptions, type O365Mock } from '../../mocks/o365/index.js';
import { listenError, untilStopSignal } from '../../mocks/http/index.js';

function parseRate(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`expected a rate from 0 to 1, got "${value}"`);
  return n;
}

function parseLatency(value: string): number | [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected milliseconds, or a range like 50-200, got "${value}"`);
  return m[2] === undefined ? Number(m[1]) : [Number(m[1]), Number(m[2])];
}

interface MockO365Options {
  port: number;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  seed?: string;
  users?: number;
  apps?: number;
  launchesPerDay?: number;
  schema?: 'legacy' | 'current';
  state?: string;
  permissions?: string;
  pageSize?: number;
  startCooldown?: number;
  backfillHours?: number;
  allowHttpWebhooks?: boolean;
  throttleRate?: number;
  errorRate?: number;
  latency?: number | [number, number];
  duplicateRate?: number;
  lateRate?: number;
  expiredRate?: number;
  auditLog?: 'on' | 'off' | 'just-enabled';
  quiet?: boolean;
}

/** `ppkit mock o365`: the Office 365 Management Activity API mock as a process. */
export const mockO365Command: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'mock', 'local services: Office 365 Management Activity API, Dataverse', 'ppkit mock o365 --port 8443');
    withExamples(
      group
        .command('o365')
        .description('serve the Office 365 Management Activity API mock (with token endpoints and the legacy audit-log endpoint) on 127.0.0.1 until stopped')
        .option('--port <n>', 'port (0 picks a free one)', parseInteger(0, 65535), 0)
        .option('--tenant <guid>', `tenant id (default ${DEFAULT_TENANT_ID})`)
        .option('--client-id <id>', `app registration client id (default ${DEFAULT_CLIENT_ID})`)
        .option('--client-secret <secret>', 'app registration client secret (default: the documented mock secret)')
        .option('--seed <seed>', 'seed of the synthetic tenant', 'ppkit')
        .option('--users <n>', 'users in the tenant', parseInteger(1, 100000))
        .option('--apps <n>', 'canvas apps in the tenant', parseInteger(1, 10000))
        .option('--launches-per-day <n>', 'average app launches on a weekday', parseInteger(0, 1000000))
        .option('--schema <kind>', 'Power Apps record schema: legacy (RecordType 45) or current (256)', parseChoice(['legacy', 'current'] as const))
        .option('--state <file>', 'load the tenant and subscriptions from this file if present; save them on stop')
        .option('--permissions <list>', 'comma-separated application permissions granted to the app ("" = none)')
        .option('--page-size <n>', 'blobs per /content page', parseInteger(1, 100000))
        .option('--start-cooldown <minutes>', 'minutes between subscription starts (0 = no limit)', parseInteger(0, 1440))
        .option('--backfill-hours <n>', 'hours of content a new subscription sees before its start', parseInteger(0, 168))
        .option('--allow-http-webhooks', 'accept http:// webhook addresses (the real service requires HTTPS)')
        .option('--throttle-rate <rate>', 'share of requests answered AF429', parseRate)
        .option('--error-rate <rate>', 'share of requests answered AF50000 (500)', parseRate)
        .option('--latency <ms>', 'added latency, e.g. 100 or 50-200', parseLatency)
        .option('--duplicate-rate <rate>', 'share of records stored twice in different blobs', parseRate)
        .option('--late-rate <rate>', 'share of records arriving 3-30 h late', parseRate)
        .option('--expired-rate <rate>', 'share of listed blobs that answer AF20051 (expired)', parseRate)
        .option('--audit-log <state>', 'unified audit logging: on, off, or just-enabled (activating for 60 minutes)', parseChoice(['on', 'off', 'just-enabled'] as const))
        .option('--quiet', 'do not log requests to stderr'),
      'ppkit mock o365 --port 8443',
      'ppkit mock o365 --tenant 7d1b3c5e-9f2a-4b6c-8d0e-1a2b3c4d5e6f --client-id <app id> --client-secret <secret> --seed demo',
      'ppkit mock o365 --audit-log off --throttle-rate 0.1',
    ).action(
      context.action(async (o: MockO365Options) => {
        const faults: FaultOptions = {
          throttleRate: o.throttleRate,
          serverErrorRate: o.errorRate,
          latencyMs: o.latency,
          duplicateRate: o.duplicateRate,
          lateContentRate: o.lateRate,
          expiredBlobRate: o.expiredRate,
          auditLog: o.auditLog === 'off' ? 'off' : 'on',
          auditLogEnabledAt: o.auditLog === 'just-enabled' ? new Date().toISOString() : undefined,
        };
        let mock: O365Mock;
        try {
          mock = await startO365Mock({
            port: o.port,
            tenantId: o.tenant,
            clientId: o.clientId,
            clientSecret: o.clientSecret,
            seed: o.seed,
            tenant: { users: o.users, apps: o.apps, launchesPerDay: o.launchesPerDay, powerAppsSchema: o.schema },
            stateFile: o.state,
            faults,
            appPermissions: o.permissions === undefined ? undefined : o.permissions.split(',').map((p) => p.trim()).filter(Boolean),
            pageSize: o.pageSize,
            startCooldownMinutes: o.startCooldown,
            backfillHours: o.backfillHours,
            allowHttpWebhooks: o.allowHttpWebhooks,
            log: o.quiet ? undefined : (line) => context.io.stderr(`${line}\n`),
          });
        } catch (error) {
          throw listenError(error, o.port);
        }
        context.io.stdout(`listening on ${mock.url}\n`);
        await untilStopSignal();
        await mock.stop();
        return 0;
      }),
    );
  },
};
