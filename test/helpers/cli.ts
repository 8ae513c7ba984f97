import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `ppkit <args>` as a user would: a separate Node process on the TypeScript sources
 * (through tsx), so exit codes, stdout and stderr are the real ones.
 */
export function runPpkit(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'cli', 'main.ts'), ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The argv that runs the CLI from sources, for tests that spawn it themselves. */
export function ppkitArgv(args: readonly string[]): string[] {
  return ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'cli', 'main.ts'), ...args];
}

export interface AsyncRunOptions {
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this many milliseconds. */
  timeoutMs?: number;
  /** Called on every stdout chunk with all stdout so far (e.g. to kill the process at a given line). */
  onStdout?(stdout: string, child: ChildProcess): void;
}

/**
 * `ppkit <args>` in a child process without blocking this one, for runs that call servers (mocks)
 * living in the test process: runPpkit's spawnSync would stall their event loop.
 */
export function runPpkitAsync(args: readonly string[], options: AsyncRunOptions = {}): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ppkitArgv(args), { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, signal, stdout, stderr });
    });
  });
}
