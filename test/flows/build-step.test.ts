import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConnectors } from '../../tools/connector/build/build-connector.js';
import { flowsBuildStep } from '../../tools/flows/build-step.js';

const outDir = mkdtempSync(join(tmpdir(), 'ppkit-flows-step-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('ppkit build: flows step', () => {
  it('renders into <out>/flows and lints against the connector step output with no findings', { timeout: 60_000 }, async () => {
    await buildConnectors({ outDir, clouds: ['public'] });
    const lines: string[] = [];
    const result = await flowsBuildStep.run({ outDir, log: (line) => lines.push(line) });
    expect(result.ok, lines.join('\n')).toBe(true);
    expect(result.details).toMatchObject({ flows: 3, findings: 0, connectorSwaggers: 2 });
    expect(result.outputs).toContain('flows/flows.json');
    for (const output of result.outputs) expect(existsSync(join(outDir, output)), output).toBe(true);
    expect(lines.at(-1)).toMatch(/linted 3 flows against 2 connector swaggers: no findings/);
  });
});
