/**
 * `ppkit connector diff <old> <new>`: what existing flows would notice between two versions of a
 * connector, the way the certification pipeline's change validator judges an update. Breaking
 * changes are errors (exit 1); renamed or re-shown things are warnings.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/errors.js';
import { jsonTreeLocator, locateDiagnostics, toPointer, type Diagnostic } from '../../diagnostics/index.js';
import { discoverConnectors } from '../validate/discover.js';
import { buildIndex, type ConnectorIndex, type OperationNode } from '../validate/document-index.js';
import { scannedLocator } from '../validate/json-scan.js';
import { loadJsonFile, type JsonSource } from '../validate/load.js';
import { changeChecks } from './changes/index.js';
import type { OperationPair } from './types.js';

export { changeChecks } from './changes/index.js';

export interface DiffResult {
  diagnostics: Diagnostic[];
  oldFile: string;
  newFile: string;
  operations: { old: number; new: number; matched: number };
}

export function diffConnectors(oldPath: string, newPath: string): DiffResult {
  const before = loadSide(oldPath);
  const after = loadSide(newPath);
  const keyOf = (op: OperationNode) => op.operationId ?? `${op.method.toUpperCase()} ${op.pathKey}`;
  const newByKey = new Map(after.index.operations.map((op) => [keyOf(op), op]));
  const pairs: OperationPair[] = [];
  const removed: OperationNode[] = [];
  for (const op of before.index.operations) {
    const match = newByKey.get(keyOf(op));
    if (match) pairs.push({ key: keyOf(op), old: op, new: match });
    else removed.push(op);
  }
  const found: { old: Diagnostic[]; new: Diagnostic[]; oldProperties: Diagnostic[]; newProperties: Diagnostic[] } = { old: [], new: [], oldProperties: [], newProperties: [] };
  for (const check of changeChecks.values()) {
    const context = {
      old: before.index,
      new: after.index,
      report: (finding: { message: string; path: (string | number)[]; side?: 'old' | 'new'; file?: 'swagger' | 'apiProperties' }) => {
        const side = finding.side ?? 'new';
        const inProperties = finding.file === 'apiProperties';
        const sideIndex = side === 'old' ? before.index : after.index;
        found[inProperties ? (side === 'old' ? 'oldProperties' : 'newProperties') : side].push({
          code: check.id,
          severity: check.severity,
          message: finding.message,
          file: inProperties ? sideIndex.apiPropertiesFile : side === 'old' ? before.source.file : after.source.file,
          path: finding.path,
          pointer: toPointer(finding.path),
          docsUrl: check.docsUrl,
        });
      },
    };
    check.documents?.(context, removed, pairs);
    for (const pair of pairs) check.operation?.(context, pair);
  }
  return {
    diagnostics: [
      ...locate(found.old, before.source),
      ...locate(found.new, after.source),
      ...locate(found.oldProperties, before.index.apiPropertiesSource),
      ...locate(found.newProperties, after.index.apiPropertiesSource),
    ],
    oldFile: before.source.file,
    newFile: after.source.file,
    operations: { old: before.index.operations.length, new: after.index.operations.length, matched: pairs.length },
  };
}

function loadSide(path: string): { source: JsonSource; index: ConnectorIndex } {
  let file = path;
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new InputError('no such file or folder', { file: path });
  }
  if (isFolder) {
    const targets = discoverConnectors([path]);
    if (targets.length !== 1 || !targets[0]!.swaggerFile) throw new InputError(`expected one connector, found ${targets.length} below this folder`, { file: path });
    file = targets[0]!.swaggerFile;
  }
  const load = loadJsonFile(file);
  if (!load.source) {
    const problem = load.diagnostics[0]!;
    throw new InputError(problem.message, { file, line: problem.line, column: problem.column });
  }
  // apiProperties.json beside the swagger, when there is one: connection parameters can break too.
  const propertiesFile = join(dirname(file), 'apiProperties.json');
  const properties = existsSync(propertiesFile) ? loadJsonFile(propertiesFile).source : undefined;
  const index = buildIndex({ swagger: load.source, apiPropertiesSource: properties, apiPropertiesFile: propertiesFile, apiPropertiesFound: properties !== undefined });
  return { source: load.source, index };
}

function locate(diagnostics: Diagnostic[], source: JsonSource | undefined): Diagnostic[] {
  if (diagnostics.length === 0 || !source) return diagnostics;
  const locator = source.tree ? jsonTreeLocator(source.text, source.tree) : scannedLocator(source.text, diagnostics.map((d) => d.path ?? []));
  return locateDiagnostics(diagnostics, locator);
}
