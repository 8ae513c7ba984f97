import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../tools/simulate/report/html.js';
import { runPpkit } from '../helpers/cli.js';
import { buildArtefacts, SMALL_TENANT, type BuiltArtefacts } from './built-artefacts.js';
import type { ReportData } from '../../tools/simulate/report/model.js';

/** Debian's Chromium (installed by .ci/run); npm cannot download browsers on this network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const data: ReportData = {
  title: 'ppkit simulation',
  generatedAt: '2026-11-25T00:00:00Z',
  solution: 'test.zip',
  tenant: { users: 3, apps: 2, days: 2, seed: 7 },
  summary: [{ id: 'launches', label: 'launch events', value: 42 }],
  groundTruth: { expected: 42, found: 42, missing: 0, duplicated: 0, ok: true },
  problems: [],
  launchesPerDay: [{ day: '2026-11-23', launches: 20 }, { day: '2026-11-24', launches: 22 }],
  launchesPerApp: [{ app: 'A', launches: 30, uniqueUsers: 3 }, { app: 'B', launches: 12, uniqueUsers: 2 }],
  faults: {},
  totalRuns: 1,
  runs: [{ id: 'r', flow: 'Admin | Sync Audit Logs', status: 'Succeeded', startTime: '2026-11-24T00:00:00Z', endTime: '2026-11-24T00:00:01Z', actions: [] }],
};

// Skipped only on a developer machine without Chromium; in CI (.ci/run installs it) a missing browser fails.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'ppkit-report-'));
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the figures, the charts and the runs, with no request to the network', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReportHtml(data));
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.getByTestId('figure-launches').textContent()).toBe('42');
    expect(await page.getByTestId('truth-found').textContent()).toBe('42');
    expect(await page.getByTestId('app-row').count()).toBe(2);
    const chart = await page.getByTestId('chart-launches-per-day').boundingBox();
    expect(chart?.width).toBeGreaterThan(100);
    expect(await page.getByTestId('run').count()).toBe(1);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });

  describe('the report of a real simulation of the packed zip', () => {
    let built: BuiltArtefacts;
    beforeAll(async () => {
      built = await buildArtefacts();
    }, 120_000);
    afterAll(() => built?.remove());

    it('shows the same figures as `ppkit simulate --json`', { timeout: 120_000 }, async () => {
      const report = join(built.dir, 'simulation-report.html');
      const run = runPpkit(['simulate', '--dist', built.distDir, '--report', report, ...SMALL_TENANT, '--days', '2', '--faults', '5xx=0.05,dup=0.1', '--json'], { timeoutMs: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as {
        runs: { succeeded: number; failed: number }; childRuns: { succeeded: number; failed: number }; blobs: number; records: number; launches: number; rowsCreated: number; duplicatesSkipped: number;
        groundTruth: { expected: number; found: number; missing: number; duplicated: number }; perApp: { app: string; launches: number; uniqueUsers: number }[]; faults: Record<string, number>;
      };
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(report).href);
      const text = async (testId: string) => (await page.getByTestId(testId).textContent())?.trim();
      const shown = (n: number) => n.toLocaleString('en-US');
      expect(await page.title()).toBe('ppkit simulation: all launch events stored');
      expect(await text('figure-runs-succeeded')).toBe(shown(result.runs.succeeded));
      expect(await text('figure-runs-failed')).toBe(shown(result.runs.failed));
      expect(await text('figure-child-runs')).toBe(shown(result.childRuns.succeeded + result.childRuns.failed));
      expect(await text('figure-blobs')).toBe(shown(result.blobs));
      expect(await text('figure-records')).toBe(shown(result.records));
      expect(await text('figure-launches')).toBe(shown(result.launches));
      expect(await text('figure-rows-created')).toBe(shown(result.rowsCreated));
      expect(await text('figure-duplicates-skipped')).toBe(shown(result.duplicatesSkipped));
      for (const key of ['expected', 'found', 'missing', 'duplicated'] as const) expect(await text(`truth-${key}`)).toBe(String(result.groundTruth[key]));
      const appRows = await page.getByTestId('app-row').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent)));
      expect(appRows).toEqual(result.perApp.map((a) => [a.app, String(a.launches), String(a.uniqueUsers)]));
      // One bar per simulated day with launches; the bars add up to the rows stored.
      const bars = await page.locator('[data-testid="chart-launches-per-day"] text.num').allTextContents();
      expect(bars.map(Number).reduce((a, b) => a + b, 0)).toBe(result.rowsCreated);
      for (const [answer, count] of Object.entries(result.faults)) expect(await text(`fault-HTTP ${answer} answered by the mock`)).toBe(String(count));
      expect(await page.getByTestId('run').count()).toBeGreaterThan(1);
      expect((await page.getByTestId('timeline').boundingBox())?.width).toBeGreaterThan(100);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      await page.close();
    });
  });
});
