/**
 * Real data: every connector of the corpus sample (../shared/corpus/connectors, real connectors
 * from microsoft/PowerPlatformConnectors) is validated; the rule ids reported at error or warning
 * severity must be exactly those corpus-expectations.yaml lists, so a new false positive or a
 * defect no longer found fails here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { validatePaths } from '../../../tools/connector/validate/index.js';
import { CORPUS } from './rule-harness.js';

const expectations = parse(readFileSync(join(import.meta.dirname, 'corpus-expectations.yaml'), 'utf8')) as Record<string, Record<string, string>>;

const connectors = existsSync(CORPUS)
  ? readdirSync(CORPUS, { withFileTypes: true })
      .filter((group) => group.isDirectory())
      .flatMap((group) => readdirSync(join(CORPUS, group.name), { withFileTypes: true }).filter((c) => c.isDirectory()).map((c) => `${group.name}/${c.name}`))
      .sort()
  : [];

describe('connector validate on the real-connector corpus', () => {
  it('finds the corpus sample (40 connectors) and an expectation for each', () => {
    expect(existsSync(CORPUS), `corpus folder ${CORPUS}`).toBe(true);
    expect(connectors.length).toBe(40);
    expect(Object.keys(expectations).sort()).toEqual(connectors);
  });

  it.each(connectors)('%s', (name) => {
    const result = validatePaths([join(CORPUS, name)]);
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
});
