import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { COE_CORE_TABLES_FILE, DataverseStore, loadTablesFiles } from '../../../tools/mocks/dataverse/index.js';
import { PROJECT_ROOT, runPpkit } from '../../helpers/cli.js';
import { FIXTURES } from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'ppkit-dv-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('ppkit mock dataverse', { timeout: 60_000 }, () => {
  it('prints the listening line, serves the Web API, stops on SIGTERM with exit 0 and keeps rows in --db', async () => {
    const dbFile = join(folder, 'cli.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'cli', 'main.ts'), 'mock', 'dataverse', '--port', '0', '--db', dbFile], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', () => reject(new Error('exited before listening')));
    });
    const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
    expect(match).not.toBeNull();
    const api = `${match![1]}/api/data/v9.2/`;
    const created = await fetch(`${api}admin_apps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ admin_displayname: 'from the CLI test' }) });
    expect(created.status).toBe(204);
    const duplicate = await fetch(created.headers.get('odata-entityid')!.replace('admin_apps(', 'admin_apps?x=').replace(/\)$/, ''));
    expect(duplicate.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const store = new DataverseStore({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]), dbFile });
    expect(store.query('admin_apps', { filter: "admin_displayname eq 'from the CLI test'" }).rows).toHaveLength(1);
    store.close();
  }, 30_000);

  it.each<[string, string[], number, RegExp]>([
    ['a bad table file names file, line and column', ['--tables', join(FIXTURES, 'bad-tables.yaml')], 1, /bad-tables\.yaml:5:7: expected a column type.*\(at \/tables\/0\/columns\/test_when\)/],
    ['a missing table file', ['--tables', join(folder, 'none.yaml')], 1, /none\.yaml: file not found/],
    ['a database in a missing folder', ['--db', join(folder, 'no', 'such', 'dir.sqlite')], 1, /cannot open the database/],
    ['a port that is not a number', ['--port', 'abc'], 2, /expected a whole number from 0 to 65535/],
  ])('refuses %s', (_name, args, status, message) => {
    const run = runPpkit(['mock', 'dataverse', ...args]);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('has an example in --help', () => {
    const run = runPpkit(['mock', 'dataverse', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('ppkit mock dataverse --port 0 --db');
  });
});
