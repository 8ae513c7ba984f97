import { join, relative } from 'node:path';
import { PpkitError } from '../core/errors.js';
import { projectRoot } from '../core/paths.js';
import { countBySeverity, formatDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { BuildStep } from '../build/steps.js';
import { checkSolution } from './check/index.js';
import { loadSolutionInputs } from './inputs.js';
import { connectorNamesFrom, findLegacyFlow, writeLegacyPackage } from './legacy-package.js';
import { packSolution } from './pack.js';

export const LEGACY_PACKAGE_NAME = 'Flow-SyncAuditLogs.zip';

/**
 * `ppkit build` step 3: packs the solution (managed and unmanaged) and Option 2's legacy flow
 * package from what the connector and flows steps wrote into outDir, then runs `solution check` on
 * all three. Any error finding fails the step.
 */
export const solutionBuildStep: BuildStep = {
  name: 'solution',
  async run({ outDir, log }) {
    try {
      const inputs = loadSolutionInputs({
        sourceFile: join(projectRoot(), 'solution', 'solution.yaml'),
        connectorDir: join(outDir, 'connector'),
        flowsDir: join(outDir, 'flows'),
      });
      const packed = await packSolution(inputs, outDir);
      const legacy = join(outDir, LEGACY_PACKAGE_NAME);
      await writeLegacyPackage(findLegacyFlow(join(outDir, 'flows')), legacy, { connectorNames: connectorNamesFrom(inputs.source) });
      const outputs = [packed.managed, packed.unmanaged, legacy];
      const diagnostics: Diagnostic[] = [];
      for (const path of outputs) {
        const result = await checkSolution(path);
        diagnostics.push(...result.diagnostics);
        log(`solution: wrote ${relative(outDir, path)} (${result.entries} files)`);
      }
      const counts = countBySeverity(diagnostics);
      if (diagnostics.length > 0) log(formatDiagnostics(diagnostics, 'text', { tool: { name: 'ppkit solution check', version: '' } }).trimEnd());
      log(`solution: check found ${counts.error} errors, ${counts.warning} warnings`);
      return {
        step: 'solution',
        ok: counts.error === 0,
        outputs: outputs.map((path) => relative(outDir, path)),
        details: { errors: counts.error, warnings: counts.warning },
      };
    } catch (error) {
      if (!(error instanceof PpkitError)) throw error;
      log(`solution: ${error.format()}`);
      return { step: 'solution', ok: false, outputs: [], details: { error: error.format() } };
    }
  },
};
