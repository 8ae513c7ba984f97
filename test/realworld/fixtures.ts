import { join } from 'node:path';
import { runPpkitAsync as runPpkitAsyncShared } from '../helpers/cli.js';

/** Real public artefacts kept as test data (see fixtures/<repo>/README.md for where each comes from). */
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const COE_AUDIT_LOGS = join(FIXTURES, 'coe-starter-kit', 'CenterofExcellenceAuditLogs');
export const CHILD_FLOW = 'ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json';
export const PARENT_FLOW = 'AdminSyncAuditLogs-FA91974D-6E68-EA11-A811-000D3A31CF04.json';

/** `ppkit <args>` without blocking the in-process mocks (shared helper). */
export function runPpkitAsync(args: readonly string[], timeoutMs = 60_000): Promise<{ status: number; stdout: string; stderr: string }> {
  return runPpkitAsyncShared(args, { timeoutMs });
}
