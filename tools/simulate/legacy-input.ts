import { InputError } from '../core/errors.js';
import { parseJsonText } from '../core/read-input.js';
import { workflowFromJson, type LoadedSolution } from '../engine/index.js';
import { readZipFile } from '../zip/index.js';
import type { ImportedSolution } from './solution-input.js';

/**
 * Option 2 of the setup page: a legacy flow package (`Flow-SyncAuditLogs.zip`, imported from
 * "My flows > Import"): `Microsoft.Flow/flows/<package>/definition.json` per flow, no connector,
 * no tables, no environment variables.
 */
export async function importLegacyPackage(source: string): Promise<ImportedSolution> {
  const zip = await readZipFile(source);
  const workflows = zip.entries
    .filter((e) => /^Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/i.test(e.name))
    .map((e) => {
      const where = `${source}#${e.name}`;
      const value = parseJsonText(e.data.toString('utf8').replace(/^\uFEFF/, ''), where);
      return workflowFromJson(value, where, e.name.split('/')[2] ?? 'flow');
    });
  if (workflows.length === 0) throw new InputError('not a flow package: no Microsoft.Flow/flows/<package>/definition.json in it', { file: source });
  const flows: LoadedSolution = {
    source,
    workflows,
    environmentVariables: {},
    find(name) {
      const found = workflows.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (!found) throw new InputError(`no flow named "${name}" in the package`, { file: source });
      return found;
    },
  };
  return { source, uniqueName: 'legacy flow package', version: '', flows, connectors: new Map(), tables: [] };
}
