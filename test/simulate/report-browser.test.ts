import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../tools/simulate/report/html.js';
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
});
