import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { defaultDistDir } from '../../core/paths.js';
import { parseFaults } from '../../simulate/options.js';
import { simulate, type SimulationResult } from '../../simulate/simulate.js';
import { createProgress } from '../../simulate/progress.js';
import { collectKeyValue, parseInteger } from '../options.js';
import { withExamples, type CommandModule } from '../context.js';

interface SimulateFlags {
  solution?: string;
  dist?: string;
  option: string;
  settings?: string;
  users: number;
  apps: number;
  days: number;
  eventsPerDay: number;
  seed: string;
  faults?: string;
  pageSize?: number;
  transport: string;
  tables: string[];
  connector: Record<string, string>;
  db?: string;
  report?: string;
  start?: string;
  auditTable: string;
  detailedRuns: number;
  json?: boolean;
}

/** `ppkit simulate`: run the packaged solution against a local synthetic tenant and check the result. */
export const simulateCommand: CommandModule = {
  register(program, context) {
    withExamples(
      program
        .command('simulate')
        .description('run the packaged solution (the zip itself) against a local synthetic tenant, check every launch event landed once, write an HTML report')
        .option('--solution <zip|folder>', 'solution to import (default: the managed zip in dist/; with --option 2 the legacy flow package)')
        .option('--dist <folder>', 'ppkit build output to use: its managed zip, legacy package and connectors (default dist/)')
        .addOption(new Option('--option <n>', 'setup option: 1 = Azure AD app + solution, 2 = basic auth legacy flow package').choices(['1', '2']).default('1'))
        .option('--settings <file>', 'deployment settings JSON (pac solution import --settings-file shape) for environment variable values')
        .option('--users <n>', 'users in the synthetic tenant', parseInteger(1, 100_000), 40)
        .option('--apps <n>', 'Power Apps in the synthetic tenant', parseInteger(1, 10_000), 12)
        .option('--days <n>', 'days to simulate (one scheduled run per day by default)', parseInteger(1, 7), 3)
        .option('--events-per-day <n>', 'average app launches per weekday', parseInteger(0, 1_000_000), 240)
        .option('--seed <seed>', 'seed of the synthetic tenant', 'ppkit')
        .option('--faults <list>', 'fault rates, e.g. throttle=0.05,5xx=0.02,dup=0.1,late=0.05,expired=0.01,latency=5')
        .option('--page-size <n>', 'content blobs per ListContent page before the mock sends NextPageUri (default 100)', parseInteger(1, 100_000))
        .addOption(new Option('--transport <kind>', 'http: every request over loopback HTTP; direct: Dataverse requests go to the emulator in-process (large tenants)').choices(['http', 'direct']).default('http'))
        .option('--tables <yaml>', 'table definitions for tables the solution uses but does not define (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
        .option('--connector <name=path>', 'connector swagger for a connection reference or API name (repeatable)', collectKeyValue, {})
        .option('--db <file>', 'keep the Dataverse emulator in this SQLite file (rerun over the same rows)')
        .option('--report <file>', 'where the HTML report goes (default dist/simulation-report.html)')
        .option('--start <date>', 'first simulated day, UTC (default: --days days before today)')
        .option('--audit-table <entityset>', 'audit log table checked against ground truth', 'admin_auditlogs')
        .option('--detailed-runs <n>', 'runs shown with their full action tree in the report', parseInteger(0, 10_000), 20)
        .option('--json', 'print the summary as JSON'),
      'ppkit simulate',
      'ppkit simulate --days 7 --users 200 --apps 40 --faults throttle=0.05,5xx=0.02,dup=0.1,late=0.05 --json',
      'ppkit simulate --solution CenterofExcellenceAuditLogs_3_27_2_managed.zip --settings settings.json',
      'ppkit simulate --option 2',
    ).action(
      context.action(async (flags: SimulateFlags) => {
        const dist = resolve(flags.dist ?? defaultDistDir());
        const option = flags.option === '2' ? 2 : 1;
        const solution = flags.solution ?? defaultSolution(dist, option);
        const progress = flags.json ? undefined : createProgress(context.io);
        const result = await simulate(
          {
            solution,
            option,
            settingsFile: flags.settings,
            users: flags.users,
            apps: flags.apps,
            days: flags.days,
            eventsPerDay: flags.eventsPerDay,
            seed: flags.seed,
            faults: parseFaults(flags.faults),
            pageSize: flags.pageSize,
            transport: flags.transport === 'direct' ? 'direct' : 'http',
            tablesFiles: flags.tables,
            connectors: flags.connector,
            ownConnectorsDir: join(dist, 'connector'),
            dbFile: flags.db,
            reportFile: resolve(flags.report ?? join(dist, 'simulation-report.html')),
            start: flags.start,
            auditTable: flags.auditTable,
            detailedRuns: flags.detailedRuns,
          },
          progress ? { log: progress.log, progress: progress.update } : {},
        );
        progress?.done();
        context.io.stdout(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
        return result.ok ? 0 : 1;
      }),
    );
  },
};

function defaultSolution(dist: string, option: 1 | 2): string {
  if (option === 2) {
    const legacy = join(dist, 'Flow-SyncAuditLogs.zip');
    if (existsSync(legacy)) return legacy;
    throw new UsageError('no dist/Flow-SyncAuditLogs.zip: run `ppkit build` first or give --solution <legacy package zip>');
  }
  const managed = existsSync(dist) ? readdirSync(dist).filter((f) => /_managed\.zip$/i.test(f)).sort() : [];
  if (managed.length > 0) return join(dist, managed[managed.length - 1]!);
  throw new UsageError('no *_managed.zip in dist/: run `ppkit build` first or give --solution <zip|folder>');
}

function formatSummary(r: SimulationResult): string {
  const lines = [
    '',
    `simulation of ${r.solution} (option ${r.option}), ${r.period.from} to ${r.period.to}`,
    `  runs          ${r.runs.succeeded} succeeded, ${r.runs.failed} failed (child runs: ${r.childRuns.succeeded} succeeded, ${r.childRuns.failed} failed)`,
    `  content       ${r.blobs} blobs, ${r.records} records, ${r.launches} launch events${r.expiredSkipped ? `; ${r.expiredSkipped} expired blob${r.expiredSkipped === 1 ? '' : 's'} skipped (AF20051)` : ''}`,
    `  dataverse     ${r.rowsCreated} rows created, ${r.duplicatesSkipped} duplicates skipped`,
    `  faults        ${Object.entries(r.faults).map(([k, v]) => `${v}x HTTP ${k}`).join(', ') || 'none'}; retries ${Object.entries(r.retries).map(([k, v]) => `${v}x after ${k}`).join(', ') || 'none'}`,
    `  ground truth  expected ${r.groundTruth.expected}, found ${r.groundTruth.found}, missing ${r.groundTruth.missing}, duplicated ${r.groundTruth.duplicated}${r.groundTruth.unavailable ? `, unavailable ${r.groundTruth.unavailable} (only in expired blobs)` : ''}: ${r.groundTruth.missing === 0 && r.groundTruth.duplicated === 0 ? 'OK' : 'MISMATCH'}`,
    `  top apps      ${r.perApp.slice(0, 5).map((a) => `${a.app} ${a.launches} launches/${a.uniqueUsers} users`).join('; ') || 'none'}`,
    `  wall time     ${(r.wallTimeMs / 1000).toFixed(1)} s`,
    `  report        ${r.report}`,
  ];
  for (const problem of r.problems) lines.push(`  PROBLEM       ${problem}`);
  lines.push(r.ok ? 'simulation passed' : 'simulation FAILED', '');
  return lines.join('\n');
}
