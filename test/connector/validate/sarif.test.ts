/**
 * SARIF output checked against the SARIF 2.1.0 JSON schema (draft-04). The schema file is vendored
 * unchanged from the npm package @microsoft/jest-sarif@1.0.0-beta.0 (MIT, Microsoft Corporation),
 * lib/schemas/sarif-2.1.0-rtm.5.json, the schema of the OASIS SARIF 2.1.0 standard as published
 * on schemastore. It cannot be downloaded at test time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';
import { CORPUS } from './rule-harness.js';

const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-2.1.0-rtm.5.schema.json'), 'utf8')) as object;
const validateSarif = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

describe('connector validate --format sarif', () => {
  it.each([
    ['a corpus folder with findings', [join(CORPUS, 'certified-connectors', 'Tribal'), join(CORPUS, 'independent-publisher-connectors', 'De Lijn')]],
    ['a clean connector', [join(import.meta.dirname, 'fixtures', 'clean')]],
  ])('is valid SARIF 2.1.0 for %s', async (_name, paths) => {
    const run = await runInProcess(['connector', 'validate', '--format', 'sarif', ...paths]);
    const log = JSON.parse(run.stdout) as { version: string; runs: { results: { ruleId: string; locations?: { physicalLocation: { region?: { startLine: number } } }[] }[]; tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors)).toEqual(valid ? [] : ['invalid']);
    expect(log.version).toBe('2.1.0');
    const results = log.runs[0]!.results;
    for (const result of results) expect(result.locations?.[0]?.physicalLocation.region?.startLine).toBeGreaterThan(0);
    for (const rule of log.runs[0]!.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(run.status).toBe(results.some((r) => (r as { level?: string }).level === 'error') ? 1 : 0);
  });

  it('rejects a log that breaks the schema (the check can fail)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });
});
