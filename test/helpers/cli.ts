import { spawnSync } from 'node:child_process';
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
