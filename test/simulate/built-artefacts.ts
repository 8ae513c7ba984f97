import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSteps } from '../../tools/build/steps.js';

/** What `ppkit build` writes, minus its own short simulation: the inputs `ppkit simulate` runs on. */
export interface BuiltArtefacts {
  dir: string;
  distDir: string;
  managedZip: string;
  legacyPackage: string;
  connectorsDir: string;
  remove(): void;
}

/**
 * Runs the build steps (connector, flows, solution, legacy package) into a fresh temp folder, as
 * `ppkit build` does, so the tests simulate the packed zip itself and not the sources.
 */
export async function buildArtefacts(): Promise<BuiltArtefacts> {
  const dir = mkdtempSync(join(tmpdir(), 'ppkit-simulate-test-'));
  const distDir = join(dir, 'dist');
  for (const step of buildSteps.filter((s) => s.name !== 'simulate')) {
    const result = await step.run({ outDir: distDir, log: () => undefined });
    if (!result.ok) throw new Error(`build step ${step.name} failed: ${JSON.stringify(result.details)}`);
  }
  const managed = readdirSync(distDir).filter((f) => /_managed\.zip$/i.test(f));
  if (managed.length !== 1) throw new Error(`expected one managed zip in ${distDir}, found ${managed.join(', ') || 'none'}`);
  return {
    dir,
    distDir,
    managedZip: join(distDir, managed[0]!),
    legacyPackage: join(distDir, 'Flow-SyncAuditLogs.zip'),
    connectorsDir: join(distDir, 'connector'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A small synthetic tenant over fixed days, so every run of the tests sees the same figures. */
export const SMALL_TENANT = ['--days', '1', '--users', '8', '--apps', '3', '--events-per-day', '40', '--start', '2026-11-10', '--seed', 'tests'] as const;
