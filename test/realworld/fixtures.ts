import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/cli.js';

/** Real public artefacts kept as test data (see fixtures/<repo>/README.md for where each comes from). */
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const COE_AUDIT_LOGS = join(FIXTURES, 'coe-starter-kit', 'CenterofExcellenceAuditLogs');
export const CHILD_FLOW = 'ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json';
export const PARENT_FLOW = 'AdminSyncAuditLogs-FA91974D-6E68-EA11-A811-000D3A31CF04.json';

/**
 * `ppkit <args>` in a child process without blocking this one, for runs that call servers (mocks)
 * living in the test process: runPpkit's spawnSync would stall their event loop.
 */
export function runPpkitAsync(args: readonly string[], timeoutMs = 60_000): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'cli', 'main.ts'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr });
    });
  });
}
