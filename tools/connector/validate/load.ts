/**
 * Reads one connector file exactly once: bytes -> text (UTF-8, BOM tolerated as paconn's
 * `utf-8-sig` does) -> a jsonc-parser tree (offsets for line/column) -> the plain value.
 * Strictness problems paconn would refuse (trailing commas, comments, duplicate keys, not UTF-8)
 * are findings; text that is not JSON at all is a fatal finding and nothing else is checked.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { getNodePath, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { lineColumnAt } from '../../core/read-input.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import { countKeys, quickScan, scanJson } from './json-scan.js';
import { DOCS } from './types.js';

/** Refused outright: no real swagger comes near this, and parsing it would only burn memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Deeper nesting than this is hostile or broken; refusing it keeps every walk below it safe. */
export const MAX_NESTING = 200;

export interface JsonSource {
  file: string;
  text: string;
  /** Present only when the text needed jsonc-parser's lenient parse (trailing commas, comments). */
  tree?: JsonNode;
  value: unknown;
  bytes: number;
}

export interface LoadResult {
  source?: JsonSource;
  /** Strictness findings, or the one fatal finding when `source` is absent. */
  diagnostics: Diagnostic[];
}

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const POLLUTING_TEXT = /"(__proto__|constructor|prototype)"\s*:/;
const NOT_PARSED = Symbol('not parsed');

export function loadJsonFile(file: string): LoadResult {
  let buffer: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return fatal(file, 'file-unreadable', 'expected a file, found a folder or special file');
      if (stat.size > MAX_FILE_BYTES) {
        return fatal(file, 'file-too-large', `file is ${stat.size} bytes, more than the ${MAX_FILE_BYTES} bytes a connector file may have`);
      }
      buffer = Buffer.allocUnsafe(stat.size);
      let read = 0;
      while (read < stat.size) {
        const n = readSync(fd, buffer, read, stat.size - read, read);
        if (n === 0) break;
        read += n;
      }
      buffer = buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch {
    return fatal(file, 'file-unreadable', 'file not found or not readable');
  }
  return parseJsonBytes(file, buffer);
}

/** Parses a connector file's bytes (already read, or given by a caller that holds them in memory). */
export function parseJsonBytes(file: string, buffer: Uint8Array): LoadResult {
  if (buffer.length > MAX_FILE_BYTES) {
    return fatal(file, 'file-too-large', `file is ${buffer.length} bytes, more than the ${MAX_FILE_BYTES} bytes a connector file may have`);
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString('latin1');
    diagnostics.push(strict(file, 'file is not UTF-8 encoded (paconn and the certification pipeline read UTF-8)', {}));
  }
  if (text.trim() === '') return fatal(file, 'json-parse', 'file is empty, expected a JSON object');
  if (/^\s*[<]/.test(text)) return fatal(file, 'json-parse', 'not JSON: the file starts with "<" (XML or HTML?)', { line: 1, column: 1 });

  // Fast path: JSON.parse (native) for the value, one lean scan for duplicate keys and nesting.
  let fast: unknown = NOT_PARSED;
  try {
    fast = JSON.parse(text);
  } catch {
    // not strict JSON: the jsonc-parser path below says where and why
  }
  if (fast !== NOT_PARSED) {
    if (typeof fast !== 'object' || fast === null || Array.isArray(fast)) {
      return fatal(file, 'json-parse', `expected a JSON object at the top level, found ${Array.isArray(fast) ? 'array' : fast === null ? 'null' : typeof fast}`, { line: 1, column: 1 });
    }
    const quick = quickScan(text, MAX_NESTING);
    if (quick.tooDeepAt !== undefined) return fatal(file, 'json-parse', `nesting deeper than ${MAX_NESTING} levels: refused`, lineColumnAt(text, quick.tooDeepAt));
    // Only when JSON.parse collapsed some keys is it worth finding which.
    const duplicates = quick.keys === countKeys(fast) ? [] : scanJson(text, { maxDepth: MAX_NESTING, findDuplicates: true }).duplicates;
    for (const duplicate of duplicates) {
      diagnostics.push({ ...strict(file, `duplicate key "${duplicate.path.at(-1)}": JSON.parse keeps the last one silently, the service may refuse it`, lineColumnAt(text, duplicate.offset)), path: duplicate.path });
    }
    // JSON.parse makes `__proto__` an own property (no pollution), but no later merge should ever see it.
    const value = POLLUTING_TEXT.test(text) ? JSON.parse(text, (key, v: unknown) => (POLLUTING_KEYS.has(key) ? undefined : v)) : fast;
    return { source: { file, text, value, bytes: buffer.length }, diagnostics };
  }

  let tree: JsonNode | undefined;
  try {
    const errors: ParseError[] = [];
    tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    if (errors.length > 0) {
      // Only leniencies (trailing commas, comments) are forgivable: then keep checking the rest.
      const lenientErrors: ParseError[] = [];
      const lenient = parseTree(text, lenientErrors, { allowTrailingComma: true, disallowComments: false });
      const first = errors[0]!;
      if (lenientErrors.length > 0 || !lenient) {
        const bad = lenientErrors[0] ?? first;
        const reason = bad.offset + bad.length >= text.trimEnd().length - 1 ? `file ends early (truncated?): ${describe(bad)}` : describe(bad);
        return fatal(file, 'json-parse', `not valid JSON: ${reason}`, lineColumnAt(text, bad.offset));
      }
      tree = lenient;
      diagnostics.push(strict(file, `not strict JSON: ${describe(first)} (a trailing comma or a comment); paconn's json.load refuses it`, lineColumnAt(text, first.offset)));
    }
  } catch (error) {
    return fatal(file, 'json-parse', `not valid JSON: ${error instanceof RangeError ? `nesting deeper than the parser can follow` : String(error)}`);
  }
  if (!tree || tree.type !== 'object') return fatal(file, 'json-parse', `expected a JSON object at the top level, found ${tree?.type ?? 'nothing'}`, { line: 1, column: 1 });

  const converted = toValue(tree, text, file, diagnostics);
  if ('fatal' in converted) return { diagnostics: [converted.fatal] };
  return { source: { file, text, tree, value: converted.value, bytes: buffer.length }, diagnostics };
}

/** Tree -> plain value, refusing deep nesting and reporting duplicate keys (JSON.parse keeps the last silently). */
function toValue(root: JsonNode, text: string, file: string, diagnostics: Diagnostic[]): { value: unknown } | { fatal: Diagnostic } {
  let tooDeep: JsonNode | undefined;
  const convert = (node: JsonNode, depth: number): unknown => {
    if (depth > MAX_NESTING) {
      tooDeep ??= node;
      return null;
    }
    switch (node.type) {
      case 'object': {
        const object: Record<string, unknown> = {};
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode || !valueNode) continue;
          const key = String(keyNode.value);
          if (seen.has(key)) {
            diagnostics.push({ ...strict(file, `duplicate key "${key}": JSON.parse keeps the last one silently, the service may refuse it`, lineColumnAt(text, keyNode.offset)), path: getNodePath(keyNode.parent!) });
          }
          seen.add(key);
          if (POLLUTING_KEYS.has(key)) continue;
          object[key] = convert(valueNode, depth + 1);
        }
        return object;
      }
      case 'array':
        return (node.children ?? []).map((child) => convert(child, depth + 1));
      default:
        return node.value;
    }
  };
  const value = convert(root, 0);
  if (tooDeep) return { fatal: fatal(file, 'json-parse', `nesting deeper than ${MAX_NESTING} levels: refused`, lineColumnAt(text, tooDeep.offset)).diagnostics[0]! };
  return { value };
}

function describe(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function strict(file: string, message: string, at: { line?: number; column?: number }): Diagnostic {
  return { code: 'json-strict', severity: 'error', message, file, ...at, docsUrl: DOCS.paconn };
}

function fatal(file: string, code: string, message: string, at: { line?: number; column?: number } = {}): LoadResult {
  return { diagnostics: [{ code, severity: 'error', message, file, ...at, docsUrl: DOCS.paconn }] };
}
