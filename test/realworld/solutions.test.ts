/**
 * Real solutions kept the way their repositories keep them: an unzipped export (solution.xml,
 * customizations.xml and Workflows/ at the top, CRLF line ends, no [Content_Types].xml), put through
 * `solution check`, `solution settings`, and back into a zip and a SolutionPackager folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZipFile } from '../../tools/zip/index.js';
import { runPpkit } from '../helpers/cli.js';
import { FIXTURES } from './fixtures.js';

const temp = mkdtempSync(join(tmpdir(), 'ppkit-realworld-solutions-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const UNZIPPED = join(FIXTURES, 'powerautomate-samples', 'UpdateCreatedBy_1_0_0_1');
const WORKFLOW = 'Workflows/UpdateCreatedBy-5704696E-AF75-EF11-A670-000D3A476E1E.json';
type Finding = { code: string; severity: string; message: string; file?: string };
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Finding[] }).diagnostics;

describe('an unzipped solution export (pnp UpdateCreatedBy_1_0_0_1)', { timeout: 60_000 }, () => {
  it('solution check reads the folder as the zip it came from: only the missing [Content_Types].xml', () => {
    const check = runPpkit(['solution', 'check', UNZIPPED, '--format', 'json']);
    expect(check.stderr).toBe('');
    const findings = findingsOf(check.stdout);
    expect(findings.map((d) => `${d.severity} ${d.code}`)).toEqual(['error required-files']);
    expect(findings[0]!.message).toContain('[Content_Types].xml');
  });

  it('solution settings lists its connection reference', () => {
    const settings = runPpkit(['solution', 'settings', UNZIPPED]);
    expect(settings.status, settings.stderr).toBe(0);
    expect(JSON.parse(settings.stdout)).toEqual({
      EnvironmentVariables: [],
      ConnectionReferences: [{ LogicalName: 'glynn_sharedsharepointonline_a701f', ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_sharepointonline' }],
    });
  });

  it('solution pack --from says what the folder is instead of asking for Other/Solution.xml', () => {
    const pack = runPpkit(['solution', 'pack', '--from', UNZIPPED, '--out', join(temp, 'never.zip')]);
    expect(pack.status).toBe(1);
    expect(pack.stderr).toMatch(/unzipped solution \(solution\.xml at the top\)/);
    expect(pack.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('zipped as kept, it unpacks to a SolutionPackager folder and packs back to a zip that checks clean, the flow byte for byte', async () => {
    const zip = join(temp, 'UpdateCreatedBy.zip');
    await writeZipFile(zip, ['solution.xml', 'customizations.xml', WORKFLOW].map((name) => ({ name, data: readFileSync(join(UNZIPPED, name)) })));
    const unpacked = join(temp, 'UpdateCreatedBy');
    const unpack = runPpkit(['solution', 'unpack', zip, unpacked]);
    expect(unpack.status, unpack.stderr).toBe(0);
    expect(readFileSync(join(unpacked, 'Other', 'Solution.xml'), 'utf8')).toContain('<UniqueName>UpdateCreatedBy</UniqueName>');
    const repacked = join(temp, 'UpdateCreatedBy-repacked.zip');
    const pack = runPpkit(['solution', 'pack', '--from', unpacked, '--out', repacked]);
    expect(pack.status, pack.stderr).toBe(0);
    const check = runPpkit(['solution', 'check', repacked, '--format', 'json']);
    expect(check.status, check.stdout).toBe(0);
    expect(findingsOf(check.stdout).filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(readFileSync(join(unpacked, WORKFLOW))).toEqual(readFileSync(join(UNZIPPED, WORKFLOW)));
    const lint = runPpkit(['flow', 'lint', repacked]);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });
});

describe('a folder of exports that is not itself a solution', { timeout: 60_000 }, () => {
  it('solution check names the folder and what it looked for', () => {
    const folder = join(FIXTURES, 'coe-starter-kit');
    const check = runPpkit(['solution', 'check', folder]);
    expect(check.status).toBe(1);
    expect(check.stderr.trim()).toBe(`ppkit: ${folder}: not a solution: no Other/Solution.xml (SolutionPackager folder), solution.xml (unzipped export) or manifest.json (flow package) in this folder`);
  });
});

