import { InputError } from '../core/errors.js';
import { readYamlFile } from '../core/read-input.js';
import { inferTableFromRecord, type TableDefinition } from '../mocks/dataverse/index.js';
import type { LoadedWorkflow } from '../engine/index.js';
import { connectorCalls, isDataverseApi } from './flow-scan.js';

/** Where each table of the simulated Dataverse came from, for the summary. */
export interface PlannedTables {
  definitions: TableDefinition[];
  origin: Map<string, 'solution' | 'tables-file' | 'inferred'>;
}

const WRITE_OPERATIONS = new Set(['CreateRecord', 'UpdateRecord', 'UpdateOnlyRecord', 'PatchItem', 'PostItem']);

/**
 * The tables a run needs: the solution's own, then those declared with `--tables`, then, for
 * entity sets the flows use that nobody defines (the CoE audit-log release writes to the core
 * solution's tables), a definition inferred from what the flows write: columns from the
 * `item/<column>` parameters, types from literal values, lookups from `@odata.bind` targets.
 */
export function planTables(solutionTables: readonly TableDefinition[], tablesFiles: readonly string[], workflows: readonly LoadedWorkflow[]): PlannedTables {
  const definitions: TableDefinition[] = [];
  const origin = new Map<string, 'solution' | 'tables-file' | 'inferred'>();
  const setName = (t: TableDefinition) => (t.entitySetName ?? `${t.logicalName}s`).toLowerCase();
  const add = (table: TableDefinition, from: 'solution' | 'tables-file' | 'inferred') => {
    if (origin.has(setName(table))) return;
    definitions.push(table);
    origin.set(setName(table), from);
  };
  for (const table of solutionTables) add(table, 'solution');
  for (const file of tablesFiles) {
    const source = readYamlFile(file);
    const value = source.value as { tables?: unknown } | unknown[];
    const list = Array.isArray(value) ? value : (value as { tables?: unknown })?.tables;
    if (!Array.isArray(list)) throw new InputError('expected `tables:` with a list of table definitions', { file, ...source.locate([]) });
    for (const table of list as TableDefinition[]) add(table, 'tables-file');
  }

  // What the flows read and write, by entity set.
  const written = new Map<string, Record<string, unknown>>();
  const lookupTargets = new Set<string>();
  for (const workflow of workflows) {
    for (const call of connectorCalls(workflow)) {
      if (!isDataverseApi(call.apiName)) continue;
      const entitySet = literal(call.parameters.entityName);
      if (!entitySet) continue;
      const sample = written.get(entitySet) ?? {};
      // Columns a flow only reads (`$select=admin_appid`) must exist too, or the query fails.
      for (const column of (literal(call.parameters.$select) ?? '').split(',').map((c) => c.trim())) {
        if (/^[a-z][a-z0-9_]*$/i.test(column) && !(column in sample)) sample[column] = null;
      }
      if (WRITE_OPERATIONS.has(call.operationId)) {
        for (const [key, value] of Object.entries(call.parameters)) {
          if (!key.startsWith('item/')) continue;
          const column = key.slice('item/'.length);
          if (column.includes('/')) continue;
          sample[column] = literal(value) ?? (typeof value === 'string' && value.startsWith('@') ? null : value);
          if (column.endsWith('@odata.bind') && typeof value === 'string') {
            const target = /^\/?([A-Za-z_][A-Za-z0-9_]*)\(/.exec(value)?.[1];
            if (target) {
              lookupTargets.add(target);
              sample[column] = `${target}(00000000-0000-0000-0000-000000000000)`;
            }
          }
        }
      }
      written.set(entitySet, sample);
    }
  }
  for (const target of lookupTargets) if (!written.has(target)) written.set(target, {});
  for (const [entitySet, sample] of [...written].sort(([a], [b]) => a.localeCompare(b))) {
    if (origin.has(entitySet.toLowerCase())) continue;
    add(inferTableFromRecord(entitySet, sample), 'inferred');
  }
  // Lookup columns may point at tables that only the lookup names: they exist now.
  return { definitions, origin };
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !value.startsWith('@') ? value : undefined;
}
