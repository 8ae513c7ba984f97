import { join } from 'node:path';
import { PpkitError } from '../../core/errors.js';
import type { BuildStep } from '../../build/steps.js';
import { buildConnectors, plural } from './build-connector.js';

/** `ppkit build` step 1: every connector source for every cloud it declares, into <outDir>/connector/. */
export const connectorBuildStep: BuildStep = {
  name: 'connector',
  async run({ outDir, log }) {
    try {
      const { built } = await buildConnectors({ outDir });
      for (const item of built) log(`connector: wrote ${join(outDir, item.folder)} (${item.cloud}: ${item.host}, ${plural(item.operations, 'operation')})`);
      return {
        step: 'connector',
        ok: true,
        outputs: built.flatMap((item) => item.files),
        details: { connectors: built.length, sources: [...new Set(built.map((b) => b.name))], swaggerValidated: built.length },
      };
    } catch (error) {
      if (!(error instanceof PpkitError)) throw error;
      log(`connector: ${error.format()}`);
      return { step: 'connector', ok: false, outputs: [], details: { error: error.format() } };
    }
  },
};
