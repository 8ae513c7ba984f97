import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runPpkit } from '../../helpers/cli.js';
import { runCli } from '../../../tools/cli/program.js';
import { parseConnectorSource } from '../../../tools/connector/build/load-source.js';
import { InputError } from '../../../tools/core/errors.js';
import { readFileSync } from 'node:fs';

// Each case spawns the CLI; on a loaded machine one spawn can take seconds.
vi.setConfig({ testTimeout: 120_000 });

const FIXTURES = join('test', 'connector', 'build', 'fixtures', 'bad');
const outRoot = mkdtempSync(join(tmpdir(), 'ppkit-connector-bad-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

/** [fixture, line, message] : every bad source gives one located error line. */
const cases: [string, number, RegExp][] = [
  ['unknown-key', 25, /unknown key "sumary" in operation "GetItem"; expected one of: operationId, method, path, summary/],
  ['wrong-type', 25, /"summary" in operation "GetItem" must be a string, got number 42/],
  ['duplicate-operation-id', 33, /duplicate operationId "GetItem": operation #1 already uses it/],
  ['missing-response', 22, /operation "GetItem" has no responses: every operation needs at least one response/],
  ['no-success-response', 29, /operation "GetItem" has no success \(2xx\) response/],
  ['unknown-parameter-ref', 28, /uses parameter "itemId", which is not defined under parameters/],
  ['unknown-definition-ref', 32, /unknown definition "Item"/],
  ['path-parameter-missing', 24, /path \/items\/\{itemId\} uses \{itemId\} but no path parameter "itemId" is declared/],
  ['secret-in-source', 21, /unknown key "clientSecret".*secrets never go in a source/],
  ['yaml-syntax', 24, /not valid YAML/],
  ['default-response-schema', 35, /the "default" response must not have a schema/],
  ['unknown-cloud', 15, /unknown key "azurechina"; expected one of: public, gcc, gcch, dod/],
  ['duplicate-yaml-key', 24, /not valid YAML: Map keys must be unique/],
  ['prototype-ref', 32, /unknown definition "constructor"/],
  ['proto-key', 34, /key "__proto__" is not allowed/],
  ['bad-status-code', 30, /"2xx" in operation "GetItem" is not an HTTP status code/],
];

/** The cases the issue names, plus YAML syntax and a secret, run as a user runs them; all cases run in process below. */
const SPAWNED = new Set(['unknown-key', 'wrong-type', 'duplicate-operation-id', 'missing-response', 'yaml-syntax', 'secret-in-source']);

describe('ppkit connector build refuses bad sources (spawned as a user runs it)', () => {
  it.each(cases.filter(([fixture]) => SPAWNED.has(fixture)))('%s: exit 1, one line with file:line, nothing written', (fixture, line, message) => {
    const file = join(FIXTURES, `${fixture}.yaml`);
    const out = join(outRoot, fixture);
    const run = runPpkit(['connector', 'build', '--source', file, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ppkit: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}:\\d+: `));
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('loader (in process)', () => {
  it.each(cases)('%s throws an InputError at line %i', (fixture, line, message) => {
    const file = join(FIXTURES, `${fixture}.yaml`);
    let error: unknown;
    try {
      parseConnectorSource(readFileSync(file, 'utf8'), file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location.line).toBe(line);
    expect((error as InputError).message).toMatch(message);
  });

  it('a bad source among good ones writes nothing at all', () => {
    const out = join(outRoot, 'mixed');
    const run = runPpkit(['connector', 'build', '--source', 'office365-management-api', '--source', join(FIXTURES, 'wrong-type.yaml'), '--out', out]);
    expect(run.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['connector', 'build', '--cloud', 'azurechina'], /unknown cloud "azurechina": expected one of public, gcc, gcch, dod/],
    [['connector', 'build', '--source', 'no-such-source'], /unknown connector source "no-such-source": expected one of office365-audit-logs, office365-management-api/],
  ])('usage error %j exits 2', async (args, message) => {
    const io = { out: '', err: '' };
    const status = await runCli([...args, '--out', join(outRoot, 'usage')], { color: false, isTTY: false, stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) });
    const run = { status, stderr: io.err };
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
