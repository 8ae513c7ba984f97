import { Parser } from 'xml2js';
import { InputError } from '../core/errors.js';
import { lineColumnAt } from '../core/read-input.js';
import type { XmlElement, XmlNode } from './tree.js';

/** A parsed XML document with the facts about its prologue that a faithful re-write needs. */
export interface XmlDocument {
  root: XmlElement;
  /** The text started with a UTF-8 byte-order mark. */
  bom: boolean;
  /** The text had an `<?xml ...?>` declaration. */
  declaration: boolean;
}

export interface ParseXmlOptions {
  /** File name for error messages. */
  file?: string;
  /** Refuse larger texts before parsing (default 64 MiB). */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 64 * 1024 * 1024;

/**
 * Parses XML from outside into an ordered tree with xml2js. A DOCTYPE or an ENTITY declaration is
 * refused before any parsing: solution XML never has one, and DTDs are how XXE (external entities
 * reading local files) and billion-laughs expansion attacks get in.
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlDocument {
  const file = options.file;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) throw new InputError(`XML is ${text.length} characters, more than the ${maxChars} allowed`, { file });
  refuseDtd(text, file);
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('XML file is empty', { file, line: 1, column: 1 });
  const declaration = /^\s*<\?xml[\s?]/.test(body);

  const parser = new Parser({
    explicitChildren: true,
    preserveChildrenOrder: true,
    charsAsChildren: true,
    includeWhiteChars: true,
    explicitArray: true,
    trim: false,
    normalize: false,
    strict: true,
    async: false,
    attrkey: '$',
    charkey: '_',
    childkey: '$$',
  });
  // xml2js drops whether a tag was written `<a/>` or `<a></a>`; sax knows, so record it in open-tag
  // order (the same order as a pre-order walk of the result).
  const selfClosing: boolean[] = [];
  const sax = (parser as unknown as { saxParser: { onopentag: (node: { isSelfClosing: boolean }) => void; line: number; column: number } }).saxParser;
  const onOpenTag = sax.onopentag;
  sax.onopentag = (node) => {
    selfClosing.push(node.isSelfClosing);
    onOpenTag(node);
  };
  let result: unknown;
  let failure: Error | undefined;
  parser.parseString(body, (error: Error | null, value: unknown) => {
    if (error) failure = error;
    else result = value;
  });
  if (failure || !result) {
    const reason = (failure?.message ?? 'no root element').split('\n');
    const located = /Line:\s*(\d+)\s*Column:\s*(\d+)/.exec(failure?.message ?? '');
    throw new InputError(`not well-formed XML: ${reason[0]}`, {
      file,
      ...(located ? { line: Number(located[1]) + 1, column: Number(located[2]) } : {}),
    });
  }
  const [rootName] = Object.keys(result as object);
  let index = 0;
  const convert = (name: string, raw: RawNode): XmlElement => {
    const element: XmlElement = {
      name,
      attributes: Object.entries(raw.$ ?? {}).map(([k, v]) => [k, String(v)]),
      children: [],
      selfClosing: selfClosing[index++] ?? false,
    };
    for (const child of raw.$$ ?? []) {
      if (child['#name'] === '__text__') element.children.push(child._ ?? '');
      else element.children.push(convert(child['#name'], child));
    }
    // Adjacent text pieces (text split around entities or CDATA) become one string.
    element.children = mergeText(element.children);
    return element;
  };
  const root = convert(rootName!, (result as Record<string, RawNode>)[rootName!]!);
  return { root, bom, declaration };
}

interface RawNode {
  '#name': string;
  $?: Record<string, string>;
  $$?: RawNode[];
  _?: string;
}

function mergeText(children: XmlNode[]): XmlNode[] {
  const merged: XmlNode[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (typeof child === 'string' && typeof last === 'string') merged[merged.length - 1] = last + child;
    else merged.push(child);
  }
  return merged;
}

/** Throws when the text declares a DTD or an entity; names the line. */
export function refuseDtd(text: string, file?: string): void {
  const match = /<!(DOCTYPE|ENTITY)\b/i.exec(text);
  if (match) {
    const at = lineColumnAt(text, match.index);
    throw new InputError(`XML with a ${match[1]!.toUpperCase()} declaration is refused (DTDs and entities allow XXE and entity-expansion attacks)`, { file, ...at });
  }
}

/** Parses XML bytes (UTF-8, BOM allowed). */
export function parseXmlBytes(bytes: Buffer, options: ParseXmlOptions = {}): XmlDocument {
  return parseXml(bytes.toString('utf8'), options);
}
