/**
 * The linter reads the same three workflow layouts as the engine's loader (workflowFromJson): a flow
 * document (`properties.definition`), `{definition: {...}}` (Logic Apps workflow.json) and a bare definition.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintTarget } from '../../../tools/flows/lint/index.js';

const temp = mkdtempSync(join(tmpdir(), 'ppkit-lint-shapes-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const definition = {
  triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } },
  actions: { Compose: { type: 'Compose', inputs: "@outputs('Missing')", runAfter: {} } },
};

describe('flow lint reads every layout the engine runs', () => {
  it.each([
    ['solution export', { properties: { definition, connectionReferences: {} } }, '/properties/definition/actions/Compose/inputs'],
    ['workflow.json', { definition, kind: 'Stateful' }, '/definition/actions/Compose/inputs'],
    ['bare definition', definition, '/actions/Compose/inputs'],
  ])('%s', async (_label, document, pointer) => {
    const file = join(temp, `${_label.replace(/\W/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(document, null, 2));
    const result = await lintTarget(file);
    expect(result.flows).toBe(1);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('not-a-flow');
    const missing = result.diagnostics.find((d) => d.code === 'action-reference-missing');
    expect(missing?.pointer).toBe(pointer);
    expect(missing?.line).toBeGreaterThan(0);
  });

  it('still refuses a JSON file that is no flow', async () => {
    const file = join(temp, 'other.json');
    writeFileSync(file, JSON.stringify({ definition: { name: 'x' } }));
    const result = await lintTarget(file);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['not-a-flow']);
  });
});
