import { join } from 'node:path';
import { InputError } from '../../../core/errors.js';
import { projectRoot } from '../../../core/paths.js';
import { readYamlFile } from '../../../core/read-input.js';
import { defineTables, jsonPointer } from './define-tables.js';
import type { TableDefinition, TableSet } from './table.js';

/**
 * The CoE core tables the audit-log flows write to (admin_auditlogs, admin_apps, admin_flows).
 * Found from the project root, so the compiled CLI (build/, where tsc copies no YAML) finds it too.
 */
export const COE_CORE_TABLES_FILE = join(projectRoot(), 'tools', 'mocks', 'dataverse', 'tables', 'coe-core.yaml');

/**
 * Reads table definitions from YAML files (`tables: [...]` or a bare list) and resolves them
 * together, so a lookup in one file may point to a table of another. Errors carry file and line.
 */
export function loadTablesFiles(files: readonly string[]): TableSet {
  const definitions: TableDefinition[] = [];
  const origins: Array<{ file: string; index: number; locate: (path: readonly (string | number)[]) => { line: number; column: number }; prefix: (string | number)[] }> = [];
  for (const file of files) {
    const source = readYamlFile(file);
    const value = source.value;
    const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { tables?: unknown }).tables : undefined;
    if (!Array.isArray(list)) {
      throw new InputError('expected `tables:` with a list of table definitions', { file, ...source.locate([]) });
    }
    const prefix = Array.isArray(value) ? [] : ['tables'];
    list.forEach((definition, index) => {
      definitions.push(definition as TableDefinition);
      origins.push({ file, index, locate: source.locate, prefix });
    });
  }
  return defineTables(definitions, (path) => {
    const [index, ...rest] = path;
    const origin = origins[typeof index === 'number' ? index : 0];
    if (!origin) return {};
    const inFile = [...origin.prefix, origin.index, ...rest];
    return { file: origin.file, pointer: jsonPointer(inFile), ...origin.locate(inFile) };
  });
}
