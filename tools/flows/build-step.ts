import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PpkitError } from '../core/errors.js';
import { projectRoot } from '../core/paths.js';
import { countBySeverity, formatDiagnostics } from '../diagnostics/index.js';
import type { BuildStep } from '../build/steps.js';
import { lintTarget } from './lint/index.js';
import { customConnectorSources, renderAll, writeRenderedFlows, type RenderResult } from './render/index.js';
import { builtSwaggerPath } from './lint/input/load-target.js';

/**
 * `ppkit build` step 2: renders flows/*.yaml into <outDir>/flows/ and lints the result against the
 * connector swaggers the connector step built; any finding fails the step.
 */
export const flowsBuildStep: BuildStep = {
  name: 'flows',
  async run({ outDir, log }) {
    const flowsDir = join(outDir, 'flows');
    try {
      const result = renderAll({ root: projectRoot() });
      const outputs = writeRenderedFlows(result, flowsDir).map((file) => join('flows', file));
      for (const flow of result.flows) log(`flows: rendered ${flow.name}${flow.format === 'legacy' ? ' (legacy)' : ''} -> ${join(flowsDir, flow.relativePath)}`);
      const connectors = builtConnectorSwaggers(result, outDir);
      const summary = await lintTarget(flowsDir, { connectors });
      const counts = countBySeverity(summary.diagnostics);
      const details = { flows: summary.flows, findings: summary.diagnostics.length, ...counts, connectorSwaggers: connectors.length };
      if (summary.diagnostics.length > 0) {
        for (const line of formatDiagnostics(summary.diagnostics, 'text', { color: false, tool: { name: 'ppkit flow lint', version: '' } }).trimEnd().split('\n')) log(`flows: ${line}`);
        return { step: 'flows', ok: false, outputs, details };
      }
      log(`flows: linted ${summary.flows} flows against ${connectors.length} connector swaggers: no findings`);
      return { step: 'flows', ok: true, outputs, details };
    } catch (error) {
      if (!(error instanceof PpkitError)) throw error;
      log(`flows: ${error.format()}`);
      return { step: 'flows', ok: false, outputs: [], details: { error: error.format() } };
    }
  },
};

/** `apiName=swagger` pairs for the custom connectors the flows call, from the connector step's output (public cloud). */
function builtConnectorSwaggers(result: RenderResult, outDir: string): string[] {
  return customConnectorSources(result)
    .map(({ apiName, source }) => ({ apiName, swagger: builtSwaggerPath(outDir, source) }))
    .filter(({ swagger }) => existsSync(swagger))
    .map(({ apiName, swagger }) => `${apiName}=${swagger}`);
}
