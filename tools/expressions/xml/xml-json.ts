import type { Document, Element, Node } from '@xmldom/xmldom';
import { isObject, formatNumberInvariant, setOwn, type JsonObject } from '../values.js';
import { parseXml, XmlError } from './xml-document.js';

// Node types of the DOM.
const ELEMENT = 1;
const ATTRIBUTE = 2;
const TEXT = 3;
const CDATA = 4;
const PROCESSING_INSTRUCTION = 7;
const COMMENT = 8;

/**
 * XML to JSON as Json.NET's SerializeXmlNode does (what `json(xml(...))` returns): attributes as
 * "@name", repeated elements as arrays, text-only elements as strings, empty elements as null,
 * mixed text as "#text", CDATA as "#cdata-section", the declaration as "?xml".
 */
export function xmlDocumentToJson(document: Document): JsonObject {
  const result: JsonObject = {};
  addChildren(result, document as unknown as Node);
  return result;
}

export function xmlTextToJson(text: string): JsonObject {
  return xmlDocumentToJson(parseXml(text));
}

function declarationToJson(data: string): JsonObject {
  const result: JsonObject = {};
  for (const match of data.matchAll(/(\w+)\s*=\s*(["'])(.*?)\2/g)) setOwn(result, `@${match[1]}`, match[3]);
  return result;
}

function elementToJson(element: Element): unknown {
  const attributes = element.attributes;
  const children = Array.from(element.childNodes as unknown as ArrayLike<Node>).filter((child) => !(child.nodeType === TEXT && /^\s*$/.test(child.nodeValue ?? '')));
  if (attributes.length === 0) {
    if (children.length === 0) return null;
    if (children.length === 1 && children[0]!.nodeType === TEXT) return children[0]!.nodeValue ?? '';
  }
  const result: JsonObject = {};
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes.item(i)!;
    setOwn(result, `@${attribute.name}`, attribute.value);
  }
  addChildren(result, element as unknown as Node);
  return result;
}

/** Groups child nodes by name, in the order names first appear; repeats become arrays. */
function addChildren(target: JsonObject, parent: Node): void {
  const groups = new Map<string, unknown[]>();
  const push = (name: string, value: unknown) => {
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(value);
  };
  for (const child of Array.from(parent.childNodes as unknown as ArrayLike<Node>)) {
    switch (child.nodeType) {
      case ELEMENT:
        push(child.nodeName, elementToJson(child as Element));
        break;
      case TEXT:
        if (!/^\s*$/.test(child.nodeValue ?? '')) push('#text', child.nodeValue);
        break;
      case CDATA:
        push('#cdata-section', child.nodeValue);
        break;
      case COMMENT:
        push('#comment', child.nodeValue);
        break;
      case PROCESSING_INSTRUCTION:
        push(`?${child.nodeName}`, child.nodeName === 'xml' ? declarationToJson(child.nodeValue ?? '') : child.nodeValue);
        break;
    }
  }
  for (const [name, values] of groups) setOwn(target, name, values.length === 1 ? values[0] : values);
}

const NAME = /^[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*(?::[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*)?$/;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function checkName(name: string): void {
  if (!NAME.test(name)) throw new XmlError(`The name '${name}' cannot be used as an XML element or attribute name.`);
}

function scalarText(value: unknown): string {
  if (typeof value === 'number') return formatNumberInvariant(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value === null || value === undefined ? '' : String(value);
}

function elementXml(name: string, value: unknown, depth: number): string {
  if (depth > 256) throw new XmlError('The JSON is nested too deeply to convert to XML.');
  if (Array.isArray(value)) return value.map((item) => elementXml(name, item, depth + 1)).join('');
  checkName(name);
  if (value === null || value === undefined) return `<${name} />`;
  if (!isObject(value)) return `<${name}>${escapeText(scalarText(value))}</${name}>`;
  let attributes = '';
  let content = '';
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('@')) {
      checkName(key.slice(1));
      attributes += ` ${key.slice(1)}="${escapeAttribute(scalarText(item))}"`;
    } else if (key === '#text') content += escapeText(scalarText(item));
    else if (key === '#cdata-section') content += `<![CDATA[${scalarText(item)}]]>`;
    else if (key === '#comment') content += `<!--${scalarText(item)}-->`;
    else content += elementXml(key, item, depth + 1);
  }
  return content === '' ? `<${name}${attributes} />` : `<${name}${attributes}>${content}</${name}>`;
}

/**
 * JSON to XML as Json.NET's DeserializeXmlNode does (what `xml(object)` returns): the object must
 * have exactly one root property (plus an optional "?xml" declaration).
 */
export function jsonToXmlText(value: JsonObject): string {
  const keys = Object.keys(value).filter((key) => key !== '?xml');
  if (keys.length !== 1) {
    throw new XmlError(
      keys.length === 0
        ? 'The JSON object has no root property. The root object must have a single property in order to create a valid XML document.'
        : 'JSON root object has multiple properties. The root object must have a single property in order to create a valid XML document.',
    );
  }
  const root = keys[0]!;
  if (Array.isArray(value[root])) throw new XmlError('The root property of the JSON object must not be an array: an XML document has a single root element.');
  const declaration = isObject(value['?xml'])
    ? `<?xml${Object.entries(value['?xml'])
        .filter(([key]) => key.startsWith('@'))
        .map(([key, item]) => ` ${key.slice(1)}="${escapeAttribute(scalarText(item))}"`)
        .join('')}?>`
    : '';
  return declaration + elementXml(root, value[root], 0);
}

export { ATTRIBUTE, CDATA, COMMENT, ELEMENT, TEXT };
