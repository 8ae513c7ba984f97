/**
 * Our own generated connectors (`ppkit connector build`: every source, every cloud it declares,
 * with and without a client id) validate with zero errors and zero warnings under the
 * custom-connector preset (they are custom connectors, not certification submissions). Under the
 * full recommended preset only certification-only rules may speak.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectors } from '../../../tools/connector/build/build-connector.js';
import { PRESETS, resolveRuleset, validatePaths } from '../../../tools/connector/validate/index.js';
import { CERTIFICATION_ONLY_RULES } from '../../../tools/connector/validate/ruleset.js';

let root: string;
const outputs: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ppkit-generated-'));
  for (const [name, clientId] of [['plain', undefined], ['with-client-id', '11111111-2222-3333-4444-555555555555']] as const) {
    const outDir = join(root, name);
    const { built } = await buildConnectors({ outDir, clientId });
    expect(built.length).toBeGreaterThan(0);
    outputs.push(join(outDir, 'connector'));
  }
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generated connectors', () => {
  it('validate with zero errors and zero warnings (custom-connector preset)', () => {
    const result = validatePaths(outputs, { ruleset: resolveRuleset(PRESETS['custom-connector']()) });
    expect(result.connectors).toBeGreaterThanOrEqual(2);
    expect(result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  });

  it('meet every rule but the certification-only ones under the recommended preset', () => {
    const result = validatePaths(outputs);
    const outside = result.diagnostics.filter((d) => (d.severity === 'error' || d.severity === 'warning') && !CERTIFICATION_ONLY_RULES.has(d.code));
    expect(outside.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([]);
  });
});
