import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSolutionInputs } from '../../tools/solution/inputs.js';
import type { SolutionInputs } from '../../tools/solution/compose.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const FIXTURE_DIST = join(FIXTURES, 'dist');
export const MICROSOFT_LAYOUT = join(FIXTURES, 'microsoft-layout');
export const SOLUTION_YAML = fileURLToPath(new URL('../../solution/solution.yaml', import.meta.url));

/** The real solution.yaml with fixture connector and flow builds (same shapes as ppkit's build writes). */
export function fixtureInputs(): SolutionInputs {
  return loadSolutionInputs({ sourceFile: SOLUTION_YAML, connectorDir: join(FIXTURE_DIST, 'connector'), flowsDir: join(FIXTURE_DIST, 'flows') });
}

/** A temp folder for one test; `done()` removes it. */
export function tempFolder(): { path: string; done(): void } {
  const path = mkdtempSync(join(tmpdir(), 'ppkit-solution-'));
  return { path, done: () => rmSync(path, { recursive: true, force: true }) };
}

export const text = (bytes: Buffer | undefined) => (bytes ?? Buffer.alloc(0)).toString('utf8');
