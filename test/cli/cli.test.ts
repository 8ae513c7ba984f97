import { describe, expect, it } from 'vitest';
import { runPpkit } from '../helpers/cli.js';
import { runCli } from '../../tools/cli/program.js';
import type { CliIo } from '../../tools/cli/context.js';

function memoryIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', color: false, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('ppkit CLI (spawned as a user runs it)', () => {
  it('prints its version and exits 0', () => {
    const run = runPpkit(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints help listing the commands', () => {
    const run = runPpkit(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: ppkit');
    expect(run.stdout).toContain('build');
  });

  it.each([
    [['--no-such-option'], /unknown option/],
    [['no-such-command'], /unknown command/],
    [['build', '--bogus'], /unknown option '--bogus'/],
  ])('usage error %j exits 2 with one clear line and no stack', (args, message) => {
    const run = runPpkit(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('runCli in-process', () => {
  it('shows an example in every command --help', async () => {
    const io = memoryIo();
    await runCli(['--help'], io);
    const commands = [...io.out.matchAll(/^  (\w[\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const sub = memoryIo();
      expect(await runCli([command, '--help'], sub)).toBe(0);
      expect(sub.out, `${command} --help`).toMatch(/Examples?:/);
    }
  });
});
