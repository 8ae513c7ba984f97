import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPpkit } from '../helpers/cli.js';
import { craftZip } from '../zip/craft-zip.js';
import { FIXTURE_DIST, tempFolder } from './helpers.js';

const work = tempFolder();
const MANAGED = join(work.path, 'CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
const UNMANAGED = join(work.path, 'CenterofExcellenceAuditLogs_1_0_0_0_unmanaged.zip');

describe('ppkit solution (spawned as a user runs it)', { timeout: 60_000 }, () => {
  beforeAll(() => {
    const run = runPpkit(['solution', 'pack', '--connector-dir', join(FIXTURE_DIST, 'connector'), '--flows-dir', join(FIXTURE_DIST, 'flows'), '--out', work.path]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
  afterAll(() => work.done());

  it('pack writes both zips', () => {
    expect(existsSync(MANAGED)).toBe(true);
    expect(existsSync(UNMANAGED)).toBe(true);
  });

  it('unpack then pack --from gives the same zip', () => {
    const src = join(work.path, 'src');
    const unpack = runPpkit(['solution', 'unpack', UNMANAGED, src]);
    expect(unpack.status).toBe(0);
    expect(unpack.stdout).toMatch(/unpacked 19 files/);
    expect(existsSync(join(src, 'Other', 'Customizations.xml'))).toBe(true);
    const pack = runPpkit(['solution', 'pack', '--from', src, '--out', join(work.path, 'again.zip')]);
    expect(pack.status).toBe(0);
    expect(readFileSync(join(work.path, 'again.zip')).equals(readFileSync(UNMANAGED))).toBe(true);
  });

  it('check refuses a hostile zip with one line naming it, exit 1', () => {
    const evil = join(work.path, 'evil.zip');
    writeFileSync(evil, craftZip([{ name: '../../etc/x', data: Buffer.from('x') }]));
    const run = runPpkit(['solution', 'check', evil]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${evil}: entry "../../etc/x" points outside the target folder (zip-slip)`);
  });

  it('settings fills values from a file', () => {
    const values = join(work.path, 'values.yaml');
    writeFileSync(values, 'environmentVariables:\n  admin_TenantID: 72f988bf-86f1-41af-91ab-2d7cd011db47\n');
    const run = runPpkit(['solution', 'settings', MANAGED, '--values', values]);
    expect(run.status).toBe(0);
    const settings = JSON.parse(run.stdout);
    expect(settings.EnvironmentVariables).toContainEqual({ SchemaName: 'admin_TenantID', Value: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    expect(settings.ConnectionReferences).toHaveLength(3);
  });

  it('legacy-package writes a flow package; check passes it and both solution zips (JSON report, exit 0)', () => {
    const out = join(work.path, 'Flow-SyncAuditLogs.zip');
    const run = runPpkit(['solution', 'legacy-package', '--flows-dir', join(FIXTURE_DIST, 'flows'), '--out', out]);
    expect(run.status).toBe(0);
    const check = runPpkit(['solution', 'check', MANAGED, UNMANAGED, out, '--format', 'json']);
    expect(JSON.parse(check.stdout).diagnostics).toEqual([]);
    expect(check.status).toBe(0);
  });

  it.each([
    [['solution', 'pack', '--from', 'x'], /--from needs --out/],
  ])('usage error %j exits 2', (args, message) => {
    const run = runPpkit(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
