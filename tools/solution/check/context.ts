import type { Diagnostic, Severity } from '../../diagnostics/index.js';
import { InputError } from '../../core/errors.js';
import { parseXmlBytes, type XmlElement } from '../../xml/index.js';
import type { PackageFiles } from '../package-files.js';

/** What every solution rule sees: the package's files (zip layout) and their parsed XML. */
export interface SolutionCheckContext {
  files: PackageFiles;
  /** Parsed XML of each .xml entry that is well-formed (by entry name). */
  xml: Map<string, XmlElement>;
  /** Why an .xml entry could not be parsed (by entry name). */
  xmlErrors: Map<string, InputError>;
  /** Parsed JSON of each .json entry that parses. */
  json: Map<string, unknown>;
  jsonErrors: Map<string, InputError>;
  /** The zip or folder on disk, when the package came from one (the flow linter reads it itself). */
  target?: string;
  report(finding: { entry?: string; message: string; path?: (string | number)[]; severity?: Severity; line?: number; column?: number }): void;
  /** Adds a finding made by another checker (the flow linter) as it is. */
  push(diagnostic: Diagnostic): void;
}

export interface SolutionRule {
  /** kebab-case id, the rule's file name. */
  id: string;
  severity: Severity;
  description: string;
  docsUrl: string;
  check(context: SolutionCheckContext): void | Promise<void>;
}

export function buildContext(files: PackageFiles, label: string, diagnostics: Diagnostic[], rule: () => SolutionRule, target?: string, entryLabel: (entry: string) => string = (entry) => `${label}!/${entry}`): SolutionCheckContext {
  const xml = new Map<string, XmlElement>();
  const xmlErrors = new Map<string, InputError>();
  const json = new Map<string, unknown>();
  const jsonErrors = new Map<string, InputError>();
  for (const [name, bytes] of files) {
    if (/\.xml$/i.test(name)) {
      try {
        xml.set(name, parseXmlBytes(bytes, { file: name }).root);
      } catch (error) {
        if (error instanceof InputError) xmlErrors.set(name, error);
        else throw error;
      }
    } else if (/\.json$/i.test(name)) {
      try {
        json.set(name, JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
      } catch (error) {
        jsonErrors.set(name, new InputError(`not valid JSON: ${(error as Error).message}`, { file: name }));
      }
    }
  }
  return {
    files,
    xml,
    xmlErrors,
    json,
    jsonErrors,
    target,
    push: (diagnostic) => diagnostics.push(diagnostic),
    report: (finding) => {
      const current = rule();
      diagnostics.push({
        code: current.id,
        severity: finding.severity ?? current.severity,
        message: finding.message,
        file: finding.entry ? entryLabel(finding.entry) : label,
        ...(finding.path ? { path: finding.path } : {}),
        ...(finding.line !== undefined ? { line: finding.line, column: finding.column } : {}),
        docsUrl: current.docsUrl,
      });
    },
  };
}
