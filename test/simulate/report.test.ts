import { describe, expect, it } from 'vitest';
import { maskSecrets, MASK } from '../../tools/simulate/report/mask.js';
import { renderReportHtml } from '../../tools/simulate/report/html.js';
import type { ReportData } from '../../tools/simulate/report/model.js';

describe('maskSecrets', () => {
  it.each([
    [{ client_secret: 'abc123xyz' }, { client_secret: MASK }],
    [{ headers: { Authorization: 'Bearer eyJhbGciOi.J9.xyz' } }, { headers: { Authorization: MASK } }],
    [{ note: 'the secret is s3cr3t-value here' }, { note: `the secret is ${MASK} here` }],
    [{ header: 'Basic dXNlcjpwYXNzd29yZA==' }, { header: `Basic ${MASK}` }],
    [{ password: '' }, { password: '' }],
    [Array(60).fill(1), [...Array(50).fill(1), '… 10 more items']],
  ])('%j -> %j', (input, expected) => {
    expect(maskSecrets(input, { secrets: ['s3cr3t-value'] })).toEqual(expected);
  });

  it('cuts long strings', () => {
    expect(maskSecrets(['x'.repeat(30)], { maxStringLength: 10 })).toEqual([`${'x'.repeat(10)}… (20 more characters)`]);
  });
});

describe('renderReportHtml', () => {
  const data: ReportData = {
    title: 'ppkit simulation <test>',
    generatedAt: '2026-11-25T00:00:00Z',
    solution: 'CenterofExcellenceAuditLogs_1_0_0_0_managed.zip',
    tenant: { users: 5, apps: 2, days: 2, seed: 1 },
    summary: [
      { id: 'launches', label: 'launch events', value: 1234 },
      { id: 'rows-created', label: 'rows created', value: 1234 },
    ],
    groundTruth: { expected: 1234, found: 1234, missing: 0, duplicated: 0, unavailable: 17, ok: true },
    problems: [],
    launchesPerDay: [
      { day: '2026-11-23', launches: 600 },
      { day: '2026-11-24', launches: 634 },
    ],
    launchesPerApp: [
      { app: 'Expenses & Travel', launches: 1000, uniqueUsers: 5 },
      { app: 'Assets', launches: 234, uniqueUsers: 3 },
    ],
    faults: { throttled: 3, serverErrors: 0 },
    totalRuns: 2,
    runs: [
      {
        id: 'r1', flow: 'Admin | Sync Audit Logs', status: 'Succeeded', startTime: '2026-11-24T00:00:00Z', endTime: '2026-11-24T00:00:02Z',
        actions: [{ name: 'Apply_to_each', type: 'Foreach', status: 'Succeeded', iterations: [{ index: 0, children: [{ name: 'Run_child', type: 'Workflow', status: 'Succeeded', retries: 2 }] }] }],
      },
      { id: 'r2', flow: '[Child] Admin | Sync Logs', status: 'Failed', parentRunId: 'r1', startTime: '2026-11-24T00:00:00Z', endTime: '2026-11-24T00:00:01Z', error: 'boom <b>', actions: [] },
    ],
  };

  it('is one self-contained file with the figures, charts, and escaped text', () => {
    const html = renderReportHtml(data);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
    expect(html).toContain('data-testid="figure-launches">1,234<');
    expect(html).toContain('data-testid="truth-missing">0<');
    // Launch events only in blobs that expired before they were read: shown apart, not as missing.
    expect(html).toContain('data-testid="truth-unavailable">17<');
    expect(html).toContain('data-testid="chart-launches-per-day"');
    expect(html).toContain('Expenses &amp; Travel');
    expect(html).toContain('ppkit simulation &lt;test&gt;');
    expect(html).toContain('boom &lt;b&gt;');
    expect(html).toContain('fault-throttled');
    expect(html).not.toContain('fault-serverErrors');
    expect(html.match(/data-testid="run"/g)).toHaveLength(2);
    expect(html).toContain('2 retries');
  });
});
