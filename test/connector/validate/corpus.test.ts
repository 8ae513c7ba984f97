/**
 * Real data: every connector of the corpus sample (../shared/corpus/connectors) and of the public
 * fixtures (fixtures/public, more real connectors from microsoft/PowerPlatformConnectors, each with a
 * README naming its source) is validated; the rule ids reported at error or warning severity must be
 * exactly those corpus-expectations.yaml lists, so a new false positive or a defect no longer found
 * fails here. Keys: `<group>/<connector>` for the corpus, `public/<group>/<connector>` for the fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validatePaths } from '../../../tools/connector/validate/index.js';
import { CORPUS, FIXTURES } from './rule-harness.js';

const expectations = parse(readFileSync(join(import.meta.dirname, 'corpus-expectations.yaml'), 'utf8')) as Record<string, Record<string, string> | null>;
const PUBLIC = join(FIXTURES, 'public');

function connectorsUnder(root: string, prefix = ''): { name: string; dir: string }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((group) => group.isDirectory())
    .flatMap((group) =>
      readdirSync(join(root, group.name), { withFileTypes: true })
        .filter((c) => c.isDirectory())
        .map((c) => ({ name: `${prefix}${group.name}/${c.name}`, dir: join(root, group.name, c.name) })),
    )
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const corpus = connectorsUnder(CORPUS);
const publicFixtures = connectorsUnder(PUBLIC, 'public/');
const all = [...corpus, ...publicFixtures];

describe('connector validate on real connectors', () => {
  it('finds the corpus sample (40 connectors), the public fixtures, and an expectation for each', () => {
    expect(existsSync(CORPUS), `corpus folder ${CORPUS}`).toBe(true);
    expect(corpus.length).toBe(40);
    expect(publicFixtures.length).toBeGreaterThanOrEqual(10);
    expect(Object.keys(expectations).sort()).toEqual(all.map((c) => c.name).sort());
  });

  it.each(all.map((c) => [c.name, c.dir]))('%s', (name, dir) => {
    const result = validatePaths([dir]);
    expect(result.connectors).toBe(1);
    const reported = [...new Set(result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code))].sort();
    const expected = expectations[name] ?? {};
    expect(reported).toEqual(Object.keys(expected).sort());
    for (const [id, reason] of Object.entries(expected)) expect(reason.trim().length, `${name} ${id} needs a reason`).toBeGreaterThan(10);
    // Every finding is located in its file.
    for (const d of result.diagnostics) if (d.code !== 'api-properties-missing' && d.code !== 'file-size') expect(d.line, `${d.code} ${d.pointer}`).toBeGreaterThan(0);
  });

  it('validates the whole corpus folder in one run without a crash', () => {
    const result = validatePaths([CORPUS]);
    expect(result.connectors).toBe(40);
    expect(result.files).toBeGreaterThanOrEqual(80);
  });

  it('validates every public fixture in one run without a crash', () => {
    const result = validatePaths([PUBLIC]);
    expect(result.connectors).toBe(publicFixtures.length);
  });
});
