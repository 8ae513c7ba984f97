import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { computeLineStarts, locateDiagnostics, jsonTreeLocator, positionAt, sortDiagnostics, type Diagnostic, type Severity } from '../../diagnostics/index.js';
import { FlowModel } from './model/flow-model.js';
import { flowRules } from './rules/index.js';
import type { ExpressionOwner, FlowRule, RuleVisitor, SolutionContext } from './types.js';

/** One workflow file to lint: its label (path as the user named it), text and parsed document. */
export interface FlowFile {
  file: string;
  text: string;
  model: FlowModel;
}

export interface LintOptions {
  /** Rules to run; default all. */
  rules?: Iterable<FlowRule>;
  /** Severity per rule id where a ruleset changed the rule's default. */
  severities?: ReadonlyMap<string, Severity>;
}

/**
 * Lints one flow: builds each rule's visitors, walks the flow once (flow, triggers, actions in
 * document order, then every expression and call of each), and returns located diagnostics.
 */
export function lintFlow(flow: FlowFile, solution: SolutionContext, options: LintOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visitors: RuleVisitor[] = [];
  for (const rule of options.rules ?? flowRules.values()) {
    visitors.push(
      rule.create({
        flow: flow.model,
        solution,
        report: (finding) =>
          diagnostics.push({
            code: rule.id,
            severity: options.severities?.get(rule.id) ?? rule.severity,
            message: finding.message,
            file: flow.file,
            path: finding.path,
            docsUrl: rule.docsUrl,
            ...(finding.column !== undefined ? { expressionColumn: finding.column } : {}),
          } as Diagnostic),
      }),
    );
  }
  const model = flow.model;
  for (const visitor of visitors) visitor.flow?.();
  const visitSites = (sites: ReturnType<FlowModel['sitesOf']>, owner: ExpressionOwner) => {
    for (const site of sites) {
      for (const visitor of visitors) visitor.expression?.(site, owner);
      for (const call of site.calls) for (const visitor of visitors) visitor.call?.(call, owner);
    }
  };
  for (const trigger of model.triggers) {
    for (const visitor of visitors) visitor.trigger?.(trigger);
    visitSites(model.triggerSites(trigger), { kind: 'trigger', trigger });
  }
  for (const visit of model.actions) {
    for (const visitor of visitors) visitor.action?.(visit);
    visitSites(model.sitesOf(visit), { kind: 'action', visit });
  }
  if (diagnostics.length === 0) return diagnostics;
  const root = parseTree(flow.text);
  const located = locateDiagnostics(diagnostics, root ? jsonTreeLocator(flow.text, root) : undefined);
  return sortDiagnostics(root ? locateExpressionColumns(located, flow.text, root) : located);
}

/**
 * Expression findings carry a column inside the JSON string value: point the diagnostic at that
 * exact character of the file (escapes such as \" take more room in the file than in the value).
 */
function locateExpressionColumns(diagnostics: Diagnostic[], text: string, root: JsonNode): Diagnostic[] {
  let lineStarts: number[] | undefined;
  return diagnostics.map((d) => {
    const { expressionColumn: column, ...rest } = d as Diagnostic & { expressionColumn?: number };
    if (column === undefined || !d.path) return rest;
    const node = findNodeAtLocation(root, [...d.path]);
    if (!node || node.type !== 'string') return { ...rest, message: `${d.message} (column ${column} of the value)` };
    lineStarts ??= computeLineStarts(text);
    const offset = node.offset + 1 + rawLength(text, node.offset + 1, column - 1);
    const at = positionAt(lineStarts, offset);
    return { ...rest, line: at.line, column: at.column };
  });
}

/** Characters of JSON text that encode the first `count` characters of the string starting at `start`. */
function rawLength(text: string, start: number, count: number): number {
  let raw = start;
  for (let decoded = 0; decoded < count && raw < text.length; decoded++) raw += text[raw] === '\\' ? (text[raw + 1] === 'u' ? 6 : 2) : 1;
  return raw - start;
}
