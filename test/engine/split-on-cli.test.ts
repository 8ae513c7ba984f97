import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPpkit } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/split-on', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const temp = mkdtempSync(join(tmpdir(), 'ppkit-split-on-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = (trigger: string, ...extra: string[]) => runPpkit(['flow', 'run', fixture('debatch.json'), '--trigger', fixture(trigger), '--now', '2024-05-01T08:00:00Z', ...extra]);

describe('ppkit flow run with a splitOn trigger', { timeout: 60_000 }, () => {
  it('runs every item and prints {status, splitOn, runs} with --json, tracked properties included; exit 1 as one run failed', () => {
    const result = run('batch.json', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['status', 'splitOn', 'runs']);
    expect(json.status).toBe('Failed');
    expect(json.splitOn).toBe("@triggerBody()?['orders']");
    expect(json.runs.map((r: { status: string }) => r.status)).toEqual(['Succeeded', 'Failed', 'Succeeded']);
    expect(Object.keys(json.runs[0])).toEqual(['runId', 'status', 'outputs', 'actions', 'error']);
    expect(json.runs.map((r: { actions: { Price: { trackedProperties: unknown } } }) => r.actions.Price.trackedProperties)).toEqual([
      { orderId: 'SO-1', unitPrice: 5, status: 'Succeeded' },
      { orderId: null, unitPrice: null, status: 'Failed' },
      { orderId: 'SO-3', unitPrice: 1, status: 'Succeeded' },
    ]);
    expect(new Set(json.runs.map((r: { runId: string }) => r.runId)).size).toBe(3);
  });

  it('prints a tally and each run with its table, and writes one history file per run', () => {
    const history = join(temp, 'orders.json');
    const result = run('batch.json', '--history', history);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^debatch: splitOn @triggerBody\(\)\?\['orders'\] started 3 runs \(2 Succeeded, 1 Failed\)\n/);
    expect(result.stdout).toMatch(/debatch \[2\/3\]: run \S+ Failed \(ActionFailed: /);
    expect(result.stdout).toMatch(/Price\s+Compose\s+Failed\s+0ms\s+InvalidTemplate: .*function .div. was invoked/);
    expect(existsSync(history)).toBe(false);
    const written = [1, 2, 3].map((n) => JSON.parse(readFileSync(join(temp, `orders-${n}.json`), 'utf8')));
    expect(written.map((h) => h.trigger.outputs.body.id)).toEqual(['SO-1', 'SO-2', 'SO-3']);
    expect(written[0]).toMatchObject({ status: 'Succeeded', actions: [{ name: 'Price', trackedProperties: { orderId: 'SO-1', unitPrice: 5 } }] });
    expect(written[1]).toMatchObject({ status: 'Failed', actions: [{ name: 'Price', status: 'Failed', trackedProperties: { status: 'Failed' } }] });
  });

  it('reports a splitOn that gives no array as a failed trigger with the service message, exit 1', () => {
    const result = run('not-an-array.json', '--json');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      status: 'Failed',
      runs: [{ status: 'Failed', actions: {}, error: { code: 'InvalidTemplate', message: "The execution of template trigger 'When_orders_arrive' failed: the result of the evaluation of 'splitOn' expression '@triggerBody()?['orders']' is of type 'Object'. The result must be a valid array." } }],
    });
  });
});
