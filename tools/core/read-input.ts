import { readFileSync, statSync } from 'node:fs';
import { parseDocument, LineCounter, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { parse as parseJsonc, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { InputError } from './errors.js';

/** Inputs larger than this are refused before parsing: a hostile or mistaken file must not eat memory. */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a text file, refusing missing files, folders and oversized files with a clear error. */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new InputError('expected a file, found a folder or special file', { file: path });
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('file not found or not readable', { file: path });
  }
  if (size > maxBytes) {
    throw new InputError(`file is ${size} bytes, more than the ${maxBytes} bytes allowed`, { file: path });
  }
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses JSON text; a syntax error becomes an InputError with line and column.
 * `__proto__`, `constructor` and `prototype` keys are dropped so that no later merge of this
 * value can pollute Object.prototype.
 */
export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(text, dropPollutingKeys);
  } catch {
    if (text.trim() === '') throw new InputError('file is empty, expected JSON', { file, line: 1, column: 1 });
    // JSON.parse's messages differ between Node versions and lack positions: ask jsonc-parser where it broke.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    const at = first ? lineColumnAt(text, first.offset) : undefined;
    const reason = first ? describeJsonError(first.error) : 'unexpected content';
    throw new InputError(`not valid JSON: ${reason}`, { file, ...at });
  }
}

function describeJsonError(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: "expected ':'",
    CommaExpected: "expected ','",
    CloseBraceExpected: "expected '}' (the file may be truncated)",
    CloseBracketExpected: "expected ']' (the file may be truncated)",
    EndOfFileExpected: 'unexpected content after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string (the file may be truncated)',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid control character in a string',
  };
  return words[name] ?? name;
}

export function readJsonFile(path: string, maxBytes?: number): unknown {
  return parseJsonText(readTextFile(path, maxBytes), path);
}

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function dropPollutingKeys(key: string, value: unknown): unknown {
  return POLLUTING_KEYS.has(key) ? undefined : value;
}

/** A parsed YAML file with the means to map a JSON path back to a line and column. */
export interface YamlSource {
  value: unknown;
  /** 1-based position of the node at `path` (or of its nearest existing parent). */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** Parses YAML text (no custom tags, aliases bounded), errors with line and column. */
export function parseYamlText(text: string, file?: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new InputError(`not valid YAML: ${first.message.split('\n')[0]}`, { file, line: at.line, column: at.col });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(`not valid YAML: ${error instanceof Error ? error.message : String(error)}`, { file });
  }
  const locate = (path: readonly (string | number)[]) => {
    let node: unknown = document.contents;
    let offset = (document.contents as YamlNode | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    const at = lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  };
  return { value, locate };
}

export function readYamlFile(path: string, maxBytes?: number): YamlSource {
  return parseYamlText(readTextFile(path, maxBytes), path);
}
