import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildStep } from '../build/steps.js';
import { parseFaults } from './options.js';
import { simulate, type SimulationResult } from './simulate.js';

/** Fixed so that `npm start` gives the same figures on every machine and every day. */
const SMOKE_START = '2026-11-02';

/**
 * `ppkit build` step 4: a short simulation of what was just packed — the managed zip itself, then
 * Option 2's legacy package — against a small synthetic tenant. A failed run or a row that
 * disagrees with the tenant's ground truth fails the build.
 */
export const simulateBuildStep: BuildStep = {
  name: 'simulate',
  async run({ outDir, log }) {
    const managed = readdirSync(outDir).filter((f) => /_managed\.zip$/i.test(f)).sort();
    const legacy = join(outDir, 'Flow-SyncAuditLogs.zip');
    const runs: { option: 1 | 2; solution: string }[] = [];
    if (managed.length > 0) runs.push({ option: 1, solution: join(outDir, managed[managed.length - 1]!) });
    if (existsSync(legacy)) runs.push({ option: 2, solution: legacy });
    const results: SimulationResult[] = [];
    for (const { option, solution } of runs) {
      const result = await simulate({
        solution,
        option,
        users: 25,
        apps: 8,
        days: 2,
        eventsPerDay: 120,
        seed: 'npm-start',
        faults: parseFaults('dup=0.05,late=0.05'),
        tablesFiles: [],
        connectors: {},
        ownConnectorsDir: join(outDir, 'connector'),
        reportFile: join(outDir, option === 1 ? 'simulation-report.html' : 'simulation-report-option2.html'),
        start: SMOKE_START,
        auditTable: 'admin_auditlogs',
        detailedRuns: 10,
      });
      results.push(result);
      const g = result.groundTruth;
      log(
        `simulate: option ${option}: ${result.runs.succeeded} runs succeeded, ${result.runs.failed} failed; ${result.blobs} blobs, ${result.records} records, ${result.launches} launches; ` +
          `${result.rowsCreated} rows created, ${result.duplicatesSkipped} duplicates skipped; ground truth ${g.found}/${g.expected} found, ${g.missing} missing, ${g.duplicated} duplicated${g.unavailable ? `, ${g.unavailable} unavailable (only in expired blobs)` : ''}`,
      );
      for (const problem of result.problems) log(`simulate: PROBLEM ${problem}`);
      log(`simulate: report ${result.report}`);
    }
    return {
      step: 'simulate',
      ok: results.length > 0 && results.every((r) => r.ok),
      outputs: results.map((r) => r.report),
      details: { runs: results.map((r) => ({ option: r.option, ok: r.ok, rowsCreated: r.rowsCreated, groundTruth: r.groundTruth })) },
    };
  },
};
