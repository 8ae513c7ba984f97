import { isElement, type XmlElement } from './tree.js';

export interface SerializeOptions {
  /** Write `<?xml version="1.0" encoding="utf-8"?>` first (default true). */
  declaration?: boolean;
  /** Start with a UTF-8 byte-order mark, as Power Platform's 2023+ exports and [Content_Types].xml do. */
  bom?: boolean;
  /** Indent with two spaces per level (default true); false writes one line. */
  indent?: boolean;
}

/**
 * Writes an XML tree the way .NET's XmlWriter (and so SolutionPackager and Power Platform exports)
 * does: two-space indent for element-only content, text kept inline, `<a />` for empty elements
 * and `<a></a>` for an empty value, `&lt; &gt; &amp; &quot;` escaped. The same tree always gives the
 * same text, which is what makes packing byte-for-byte repeatable.
 */
export function serializeXml(root: XmlElement, options: SerializeOptions = {}): string {
  const parts: string[] = [];
  if (options.bom) parts.push('\uFEFF');
  if (options.declaration ?? true) parts.push('<?xml version="1.0" encoding="utf-8"?>', options.indent === false ? '' : '\n');
  writeElement(root, 0, options.indent ?? true, parts);
  return parts.join('');
}

function writeElement(element: XmlElement, depth: number, indent: boolean, out: string[]): void {
  out.push('<', element.name);
  for (const [key, value] of element.attributes) out.push(' ', key, '="', escapeAttribute(value), '"');
  if (element.children.length === 0) {
    out.push(element.selfClosing ? ' />' : `></${element.name}>`);
    return;
  }
  out.push('>');
  const hasElements = element.children.some(isElement);
  const onlyWhitespaceText = element.children.every((c) => isElement(c) || c.trim() === '');
  if (indent && hasElements && onlyWhitespaceText) {
    const pad = '  '.repeat(depth + 1);
    for (const child of element.children) {
      if (!isElement(child)) continue;
      out.push('\n', pad);
      writeElement(child, depth + 1, indent, out);
    }
    out.push('\n', '  '.repeat(depth));
  } else {
    // Text or mixed content: whitespace is part of the value, so write it exactly.
    for (const child of element.children) {
      if (isElement(child)) writeElement(child, depth + 1, false, out);
      else out.push(escapeText(child));
    }
  }
  out.push('</', element.name, '>');
}

export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\r\n\t]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#xD;',
  '\n': '&#xA;',
  '\t': '&#x9;',
};
