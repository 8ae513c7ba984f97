import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConnectors } from '../../../tools/connector/build/build-connector.js';

/**
 * Golden files: the generated connectors as they are reviewed and committed. A change to the
 * generator or to a source shows up here as a diff. Update them only on purpose:
 *
 *   PPKIT_UPDATE_GOLDEN=1 npx vitest run test/connector/build/golden.test.ts
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.PPKIT_UPDATE_GOLDEN === '1';
const outDir = mkdtempSync(join(tmpdir(), 'ppkit-connector-golden-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

describe('generated connectors match the golden files', async () => {
  const { built } = await buildConnectors({ outDir });
  const generated = built.flatMap((b) => b.files.map((f) => relative('connector', f))).sort();

  if (UPDATE) {
    it('updates the golden files (PPKIT_UPDATE_GOLDEN=1)', () => {
      rmSync(GOLDEN, { recursive: true, force: true });
      for (const file of generated) {
        mkdirSync(dirname(join(GOLDEN, file)), { recursive: true });
        writeFileSync(join(GOLDEN, file), readFileSync(join(outDir, 'connector', file)));
      }
      expect(listFiles(GOLDEN)).toEqual(generated);
    });
    return;
  }

  it('has exactly the golden set of files', () => {
    expect(generated).toEqual(listFiles(GOLDEN));
  });

  it.each(generated)('%s', (file) => {
    const actual = readFileSync(join(outDir, 'connector', file));
    const expected = readFileSync(join(GOLDEN, file));
    const hint = `${file} differs from test/connector/build/golden; if the change is intended run PPKIT_UPDATE_GOLDEN=1 npx vitest run test/connector/build/golden.test.ts and review the diff`;
    if (file.endsWith('.json')) expect(actual.toString('utf8'), hint).toBe(expected.toString('utf8'));
    else expect(actual.equals(expected), hint).toBe(true);
  });
});
