import { DOMParser, XMLSerializer, type Document } from '@xmldom/xmldom';
import { binaryContent, isBinaryContent, type BinaryContent } from '../binary.js';

/** Content type of XML values (`xml()` results, xpath nodes), as the service labels them. */
export const XML_CONTENT_TYPE = 'application/xml;charset=utf-8';

/** Largest XML text accepted: a hostile input must not exhaust memory. */
export const MAX_XML_CHARS = 32 * 1024 * 1024;

export class XmlError extends Error {}

/**
 * Parses XML text. DTDs are refused outright (as .NET's default DtdProcessing.Prohibit does), so
 * no entity expansion (billion laughs) or external entity (XXE) can happen.
 */
/**
 * Recently parsed documents by text: a Foreach that runs xpath() on the same XML for every item
 * parses it once. Documents are never changed after parsing, so sharing them is safe.
 */
const recentDocuments = new Map<string, Document>();
const RECENT_LIMIT = 16;
const CACHEABLE_CHARS = 1024 * 1024;

export function parseXml(text: string): Document {
  const cached = recentDocuments.get(text);
  if (cached) return cached;
  const document = parseXmlUncached(text);
  if (text.length <= CACHEABLE_CHARS) {
    if (recentDocuments.size >= RECENT_LIMIT) recentDocuments.delete(recentDocuments.keys().next().value!);
    recentDocuments.set(text, document);
  }
  return document;
}

function parseXmlUncached(text: string): Document {
  if (text.length > MAX_XML_CHARS) throw new XmlError(`The XML is ${text.length} characters long, more than the ${MAX_XML_CHARS} allowed.`);
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('For security reasons DTD is prohibited in this XML document.');
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new XmlError(String(message));
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^.*caused \w+: (\w+: )?/s, '') : String(error);
    throw new XmlError(`The XML is not valid: ${message}`);
  }
}

export function serializeXml(node: unknown): string {
  return new XMLSerializer().serializeToString(node as Document);
}

export function xmlContent(text: string): BinaryContent {
  return binaryContent(Buffer.from(text, 'utf8'), XML_CONTENT_TYPE);
}

/** Whether a value is XML content (`xml()` result or an xpath node). */
export function isXmlContent(value: unknown): value is BinaryContent {
  return isBinaryContent(value) && /[/+]xml\b/i.test(value['$content-type']);
}

export function xmlTextOf(value: BinaryContent): string {
  return Buffer.from(value.$content, 'base64').toString('utf8');
}
