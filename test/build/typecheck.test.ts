import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';

/**
 * vitest runs TypeScript without checking types, and `npm start` compiles only tools/ and bench/:
 * this keeps the whole project (tests included) type-correct, so a type error fails CI instead of
 * the next user's `npm start`.
 */
describe('TypeScript', () => {
  it('typechecks the whole project in strict mode', () => {
    const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(PROJECT_ROOT, 'tsconfig.json'), '--noEmit'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 300_000);
});
