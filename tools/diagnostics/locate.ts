import { parseTree, findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { parseYamlText } from '../core/read-input.js';
import { lineColumnAt } from '../core/read-input.js';
import type { Diagnostic } from './diagnostic.js';
import { toPointer } from './pointer.js';

/** Maps a JSON path inside one file's text to a 1-based line and column. */
export type Locator = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

/**
 * A locator for JSON text: parses once (jsonc-parser keeps offsets), then each lookup walks the
 * tree. A path that goes past the tree resolves to its deepest existing node, so findings about a
 * missing property point at the object that should hold it.
 */
export function jsonLocator(text: string): Locator {
  let root: JsonNode | undefined;
  let parsed = false;
  let locate: Locator | undefined;
  return (path) => {
    if (!parsed) {
      root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
      parsed = true;
      if (root) locate = jsonTreeLocator(text, root);
    }
    return locate?.(path);
  };
}

/** A locator over a jsonc-parser tree the caller already has, so a checker parses each file once. */
export function jsonTreeLocator(text: string, root: JsonNode): Locator {
  let lineStarts: number[] | undefined;
  return (path) => {
    lineStarts ??= computeLineStarts(text);
    let segments = [...path];
    let node: JsonNode | undefined;
    while (segments.length >= 0) {
      node = findNodeAtLocation(root, segments);
      if (node || segments.length === 0) break;
      segments = segments.slice(0, -1);
    }
    if (!node) return undefined;
    // Point at the property key rather than its value when the node is a property value.
    const offset = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0].offset : node.offset;
    return positionAt(lineStarts, offset);
  };
}

/** A locator for YAML text, from the YAML document's own node ranges. */
export function yamlLocator(text: string): Locator {
  const source = parseYamlText(text);
  return (path) => source.locate(path);
}

/** Fills `pointer`, `line` and `column` of diagnostics from their `path`. */
export function locateDiagnostics(diagnostics: Diagnostic[], locator: Locator | undefined): Diagnostic[] {
  return diagnostics.map((d) => {
    if (!d.path) return d;
    const pointer = d.pointer ?? toPointer(d.path);
    if (d.line !== undefined || !locator) return { ...d, pointer };
    const at = locator(d.path);
    return at ? { ...d, pointer, line: at.line, column: at.column } : { ...d, pointer };
  });
}

/** Offsets where each line of `text` starts (for positionAt). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // indexOf runs natively: several times faster than a charCodeAt loop on large files.
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** 1-based line and column of a character offset, from computeLineStarts. */
export function positionAt(lineStarts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

export { lineColumnAt };
