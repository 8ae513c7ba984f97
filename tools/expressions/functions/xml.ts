import * as xpath from 'xpath';
import { invalidParameter } from '../errors.js';
import { isObject } from '../values.js';
import { isXmlContent, parseXml, serializeXml, xmlContent, xmlTextOf, XmlError } from '../xml/xml-document.js';
import { jsonToXmlText, ATTRIBUTE, CDATA, COMMENT, TEXT } from '../xml/xml-json.js';
import { ANY, STRING, stringArg, wrongType, type FunctionDescriptor } from './descriptor.js';

const category = 'json-xml';

function xmlTextArg(fn: string, args: readonly unknown[], index: number): string {
  const value = args[index];
  if (isXmlContent(value)) return xmlTextOf(value);
  if (typeof value === 'string') return value;
  throw wrongType(fn, index, 'XML content or a string that contains XML', value);
}

function guard<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof XmlError) throw invalidParameter(fn, error.message);
    throw error;
  }
}

/** An xpath result node as the service returns it: elements as XML content, text and attributes as strings. */
function nodeValue(node: Node): unknown {
  switch (node.nodeType) {
    case TEXT:
    case CDATA:
    case COMMENT:
    case ATTRIBUTE:
      return node.nodeValue;
    default:
      return xmlContent(serializeXml(node));
  }
}

export const xmlFunctions: FunctionDescriptor[] = [
  {
    name: 'xml',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [['string', 'object']],
    returns: ['object'],
    evaluate(args, _ctx, call) {
      const value = args[0];
      if (isXmlContent(value)) return value;
      return guard(call.name, () => {
        if (typeof value === 'string') return xmlContent(serializeXml(parseXml(value)));
        if (isObject(value)) return xmlContent(serializeXml(parseXml(jsonToXmlText(value))));
        throw wrongType(call.name, 0, 'a string that contains XML or a JSON object', value, true);
      });
    },
  },
  {
    name: 'xpath',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [ANY, STRING],
    returns: ANY,
    evaluate(args, _ctx, call) {
      const document = guard(call.name, () => parseXml(xmlTextArg(call.name, args, 0)));
      const expression = stringArg(call.name, args, 1);
      let result: unknown;
      try {
        result = xpath.select(expression, document as unknown as Node);
      } catch (error) {
        throw invalidParameter(call.name, `The XPath expression '${expression}' is not valid: ${(error as Error).message}.`);
      }
      if (Array.isArray(result)) return result.map((node) => nodeValue(node as Node));
      return result;
    },
  },
];
