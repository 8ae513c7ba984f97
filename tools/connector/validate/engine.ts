/**
 * The validation engine: loads a connector's files once, builds the shared index, runs every
 * enabled rule's visitors over it in one pass, and returns located diagnostics.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { jsonTreeLocator, locateDiagnostics, toPointer, type Diagnostic } from '../../diagnostics/index.js';
import { buildIndex, type ConnectorIndex, type IconInfo } from './document-index.js';
import type { ConnectorTarget } from './discover.js';
import { scannedLocator } from './json-scan.js';
import { loadJsonFile, parseJsonBytes, type JsonSource, type LoadResult } from './load.js';
import { recommendedRuleset, type ResolvedRuleset } from './ruleset.js';
import { DOCS, type ConnectorFileKind, type Finding, type RuleVisitor } from './types.js';

/** Microsoft documents 1 MB as the largest script.csx; bigger is refused before reading. */
const MAX_SCRIPT_BYTES = 4 * 1024 * 1024;

export interface ValidationResult {
  diagnostics: Diagnostic[];
  connectors: number;
  files: number;
}

export function validateTargets(targets: readonly ConnectorTarget[], ruleset: ResolvedRuleset = recommendedRuleset()): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  let files = 0;
  for (const target of targets) {
    const result = validateConnector(target, ruleset);
    files += result.files;
    for (const d of result.diagnostics) diagnostics.push(d);
  }
  return { diagnostics, connectors: targets.length, files };
}

export function validateConnector(target: ConnectorTarget, ruleset: ResolvedRuleset = recommendedRuleset()): { diagnostics: Diagnostic[]; files: number } {
  if (!target.swaggerFile) {
    // The public repository has swaggers saved under other names (apiDefination.swagger.json, <Name>.swagger.json).
    let others: string[] = [];
    try {
      others = readdirSync(target.dir).filter((name) => /\.json$/i.test(name) && !/^apiproperties\.json$/i.test(name));
    } catch {
      others = [];
    }
    const hint = others.length > 0 ? ` (found ${others.join(', ')}: rename the swagger to apiDefinition.swagger.json)` : '';
    return { diagnostics: [{ code: 'swagger-missing', severity: 'error', message: `connector folder has apiProperties.json but no apiDefinition.swagger.json${hint}`, file: target.dir, docsUrl: DOCS.paconn }], files: 0 };
  }
  let scriptText: string | undefined;
  if (target.scriptFile) {
    try {
      // Oversized scripts are not read: file-size reports them from their size.
      scriptText = statSync(target.scriptFile).size <= MAX_SCRIPT_BYTES ? readFileSync(target.scriptFile, 'utf8') : undefined;
    } catch {
      scriptText = undefined;
    }
  }
  return validateLoaded(
    {
      swagger: loadJsonFile(target.swaggerFile),
      apiProperties: target.apiPropertiesFile ? loadJsonFile(target.apiPropertiesFile) : undefined,
      apiPropertiesFile: target.apiPropertiesFile ?? join(target.dir, 'apiProperties.json'),
      scriptText,
      scriptFile: target.scriptFile,
      group: target.group,
      folder: target.dir,
      icon: target.iconFile ? readIconInfo(target.iconFile) : undefined,
    },
    ruleset,
  );
}

/** Size and PNG dimensions (IHDR) of icon.png, read from its first bytes only. */
function readIconInfo(file: string): IconInfo | undefined {
  try {
    const bytes = statSync(file).size;
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(24);
    try {
      readSync(fd, head, 0, 24, 0);
    } finally {
      closeSync(fd);
    }
    const png = head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && head.toString('latin1', 12, 16) === 'IHDR';
    return png ? { file, bytes, width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : { file, bytes };
  } catch {
    return undefined;
  }
}

/** A connector held in memory (tests, editors, the build step): file names are only labels. */
export interface ConnectorSources {
  swagger: { file: string; text: string };
  apiProperties?: { file: string; text: string };
  script?: { file: string; text: string };
  group?: string;
}

export function validateSources(sources: ConnectorSources, ruleset: ResolvedRuleset = recommendedRuleset()): { diagnostics: Diagnostic[]; files: number } {
  const encoder = new TextEncoder();
  return validateLoaded(
    {
      swagger: parseJsonBytes(sources.swagger.file, encoder.encode(sources.swagger.text)),
      apiProperties: sources.apiProperties ? parseJsonBytes(sources.apiProperties.file, encoder.encode(sources.apiProperties.text)) : undefined,
      apiPropertiesFile: sources.apiProperties?.file ?? 'apiProperties.json',
      scriptText: sources.script?.text,
      scriptFile: sources.script?.file,
      group: sources.group,
    },
    ruleset,
  );
}

interface LoadedConnector {
  folder?: string;
  icon?: IconInfo;
  swagger: LoadResult;
  apiProperties?: LoadResult;
  apiPropertiesFile: string;
  scriptText?: string;
  scriptFile?: string;
  group?: string;
}

function validateLoaded(loaded: LoadedConnector, ruleset: ResolvedRuleset): { diagnostics: Diagnostic[]; files: number } {
  const severityOf = new Map(ruleset.rules.map(({ rule, severity }) => [rule.id, severity]));
  // Loader findings obey the ruleset too: a team may accept trailing commas.
  const keep = (d: Diagnostic): Diagnostic | undefined => {
    const severity = severityOf.get(d.code);
    if (severity === undefined && LOADER_CODES_RULED.has(d.code)) return undefined;
    return severity ? { ...d, severity } : d;
  };
  const out: Diagnostic[] = [];
  const files = 1 + (loaded.apiProperties ? 1 : 0) + (loaded.scriptFile ? 1 : 0);
  for (const load of [loaded.swagger, loaded.apiProperties]) {
    for (const d of load?.diagnostics ?? []) {
      const kept = keep(d);
      if (kept) out.push(kept);
    }
  }
  if (!loaded.swagger.source) return { diagnostics: out, files };
  const index = buildIndex({
    swagger: loaded.swagger.source,
    apiPropertiesSource: loaded.apiProperties?.source,
    apiPropertiesFile: loaded.apiPropertiesFile,
    apiPropertiesFound: loaded.apiProperties !== undefined,
    scriptText: loaded.scriptText,
    scriptFile: loaded.scriptFile,
    group: loaded.group,
    folder: loaded.folder,
    icon: loaded.icon,
  });
  out.push(...locate(runRules(index, ruleset), index));
  return { diagnostics: out, files };
}

const LOADER_CODES_RULED = new Set(['json-strict']);

interface RawFinding extends Finding {
  code: string;
  severity: Diagnostic['severity'];
  docsUrl: string;
}

function runRules(index: ConnectorIndex, ruleset: ResolvedRuleset): RawFinding[] {
  const findings: RawFinding[] = [];
  const visitors: RuleVisitor[] = [];
  for (const { rule, severity } of ruleset.rules) {
    const visitor = rule.create({
      index,
      report: (finding) => findings.push({ ...finding, code: rule.id, severity, docsUrl: rule.docsUrl }),
    });
    visitors.push(visitor);
  }
  const withDocument = visitors.filter((v) => v.document);
  const withOperation = visitors.filter((v) => v.operation);
  const withParameter = visitors.filter((v) => v.parameter);
  const withSchema = visitors.filter((v) => v.schema);
  const withApiProperties = visitors.filter((v) => v.apiProperties);
  for (const v of withDocument) v.document!();
  for (const op of index.operations) for (const v of withOperation) v.operation!(op);
  for (const p of index.parameters) for (const v of withParameter) v.parameter!(p);
  for (const s of index.schemas) for (const v of withSchema) v.schema!(s);
  if (index.apiProperties) for (const v of withApiProperties) v.apiProperties!(index.apiProperties);
  return findings;
}

function locate(findings: RawFinding[], index: ConnectorIndex): Diagnostic[] {
  const groups: Record<ConnectorFileKind, Diagnostic[]> = { swagger: [], apiProperties: [], script: [] };
  for (const f of findings) {
    const kind = f.file ?? 'swagger';
    const file = kind === 'swagger' ? index.swagger.file : kind === 'apiProperties' ? index.apiPropertiesFile : index.scriptFile;
    groups[kind].push({ code: f.code, severity: f.severity, message: f.message, file, path: f.path, pointer: toPointer(f.path), docsUrl: f.docsUrl });
  }
  const out = locateIn(groups.swagger, index.swagger);
  out.push(...(index.apiPropertiesSource ? locateIn(groups.apiProperties, index.apiPropertiesSource) : groups.apiProperties));
  out.push(...groups.script);
  return out;
}

/** Line/column for findings: from the jsonc tree when the file needed one, else from one targeted scan. */
function locateIn(diagnostics: Diagnostic[], source: JsonSource): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const locator = source.tree ? jsonTreeLocator(source.text, source.tree) : scannedLocator(source.text, diagnostics.map((d) => d.path ?? []));
  return locateDiagnostics(diagnostics, locator);
}
