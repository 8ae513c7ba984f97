import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tools/cli/program.js';
import { runPpkit } from '../helpers/cli.js';

/** Runs the CLI in this process (fast); the spawned runs below check the real process behaviour. */
async function runInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), color: false, isTTY: false });
  return { status, stdout, stderr };
}

const SPAWN_TIMEOUT = 60_000;

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ppkit-expr-'));
  writeFileSync(
    join(folder, 'ctx.json'),
    JSON.stringify({ now: '2024-01-31T08:00:00Z', parameters: { name: 'Bo' }, actions: { Get_items: { outputs: { body: { value: [1, 2, 3] } } } } }),
  );
  writeFileSync(
    join(folder, 'cases.jsonl'),
    [
      JSON.stringify({ expr: 'div(7, 2)' }),
      '',
      JSON.stringify({ expr: "int('x')" }),
      '{not json',
      JSON.stringify({ template: "Hi @{parameters('name')}", ctx: { parameters: { name: 'Ann' } } }),
      JSON.stringify({ template: '@@x' }),
      JSON.stringify({ expr: "length(body('Get_items')?['value'])" }),
      JSON.stringify({ expr: 'utcNow()', ctx: { now: 'not a date' } }),
      JSON.stringify({ template: { a: '@add(1, 2)', b: ['@{1}'] } }),
      JSON.stringify({ expr: 'concat(' }),
    ].join('\n'),
  );
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('ppkit expr eval', () => {
  it('prints the value as JSON', async () => {
    const run = await runInProcess(['expr', 'eval', "createArray(div(7, 2), concat('a', 'b'))"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([3, 'ab']);
  });

  it('reads a context file', async () => {
    const run = await runInProcess(['expr', 'eval', "concat(parameters('name'), ' ', utcNow('yyyy-MM-dd'), ' ', length(body('Get_items')?['value']))", '--context', join(folder, 'ctx.json')]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toBe('Bo 2024-01-31 3');
  });

  it('evaluates a template with --template', async () => {
    const run = await runInProcess(['expr', 'eval', '--template', "Hi @{parameters('name')}", '--context', join(folder, 'ctx.json')]);
    expect(JSON.parse(run.stdout)).toBe('Hi Bo');
  });

  it('reads an argument with a leading @ as a workflow value', async () => {
    expect(JSON.parse((await runInProcess(['expr', 'eval', "@add(1, 2)"])).stdout)).toBe(3);
    expect(JSON.parse((await runInProcess(['expr', 'eval', '@{add(1, 2)}'])).stdout)).toBe('3');
  });

  it('exits 1 with the service-styled error (spawned as a user runs it)', () => {
    const run = runPpkit(['expr', 'eval', "int('x')"], { timeoutMs: SPAWN_TIMEOUT });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("The template language function 'int' was invoked with a parameter that is not valid.");
    expect(run.stderr).not.toContain('    at ');
  }, SPAWN_TIMEOUT);

  it('exits 1 on a syntax error, naming the column', async () => {
    const run = await runInProcess(['expr', 'eval', "concat('a'"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('at column 11');
  });

  it('runs a JSON Lines file: one line per case, in order, errors included (spawned)', () => {
    const run = runPpkit(['expr', 'eval', '--file', join(folder, 'cases.jsonl'), '--context', join(folder, 'ctx.json')], { timeoutMs: SPAWN_TIMEOUT });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toEqual({ value: 3 });
    expect(lines[1]!.error).toContain("function 'int'");
    expect(lines[2]!.error).toMatch(/^line 4: not valid JSON/);
    expect(lines[3]).toEqual({ value: 'Hi Ann' });
    expect(lines[4]).toEqual({ value: '@x' });
    expect(lines[5]).toEqual({ value: 3 });
    expect(lines[6]!.error).toContain("'now' must be an ISO date-time");
    expect(lines[7]).toEqual({ value: { a: 3, b: ['1'] } });
    expect(lines[8]!.error).toContain('expected a function call');
  }, SPAWN_TIMEOUT);

  it('reports a bad context file with its name', async () => {
    writeFileSync(join(folder, 'bad.json'), '{"parameters": [1]}');
    const run = await runInProcess(['expr', 'eval', '1', '--context', join(folder, 'bad.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bad.json');
    expect(run.stderr).toContain("'parameters' must be an object");
  });

  it('needs an expression or --file', async () => {
    const run = await runInProcess(['expr', 'eval']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing the expression');
  });

  it('documents itself with examples', async () => {
    const run = await runInProcess(['expr', 'eval', '--help']);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('--file <cases.jsonl>');
  });
});
