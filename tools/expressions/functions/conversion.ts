import { invalidParameter, functionError } from '../errors.js';
import { OCTET_STREAM, binaryContent, bytesOf, decodeBase64Strict, escapeDataString, isBinaryContent, parseDataUri } from '../binary.js';
import { parseDotnetFloat } from '../formats/number-parse.js';
import { dropPollutingKeys, plainNumber, toText } from '../values.js';
import { DecimalNumber } from '../decimal.js';
import { isXmlContent, xmlTextOf, XmlError } from '../xml/xml-document.js';
import { xmlTextToJson } from '../xml/xml-json.js';
import { ANY, ARRAY, BOOLEAN, INTEGER, NUMBER, OBJECT, STRING, localeArg, stringArg, wrongType, type FunctionDescriptor } from './descriptor.js';

const category = 'conversion';
const CANNOT_CONVERT = 'The value cannot be converted to the target type.';

function decodeBase64Arg(fn: string, args: readonly unknown[]): Buffer {
  const text = stringArg(fn, args, 0);
  const bytes = decodeBase64Strict(text);
  if (!bytes) throw invalidParameter(fn, `The value '${text.length > 100 ? `${text.slice(0, 100)}...` : text}' is not a valid base64 string.`);
  return bytes;
}

function dataUriArg(fn: string, args: readonly unknown[]) {
  const text = stringArg(fn, args, 0);
  const parsed = parseDataUri(text);
  if (!parsed) throw invalidParameter(fn, 'The value is not a valid data URI (expected data:<media type>[;base64],<data>).');
  return parsed;
}

function decodeUriArg(fn: string, args: readonly unknown[]): string {
  const text = stringArg(fn, args, 0);
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidParameter(fn, 'The value contains an escape sequence that is not valid.');
  }
}

/** .NET rounds to even when converting a float to an integer: int(2.5) is 2. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function toBase64(value: unknown): string {
  return bytesOf(value).toString('base64');
}

function one(name: string, argTypes: FunctionDescriptor['argTypes'], returns: FunctionDescriptor['returns'], evaluate: (args: unknown[], fn: string) => unknown, maxArgs = 1): FunctionDescriptor {
  return { name, category, minArgs: 1, maxArgs, argTypes, returns, evaluate: (args, _ctx, call) => evaluate(args, call.name) };
}

export const conversionFunctions: FunctionDescriptor[] = [
  one('array', [ANY], ARRAY, (args) => [args[0]]),
  {
    name: 'createArray',
    category,
    // The docs ask for two items, but flows commonly use createArray(x) and createArray() (an empty array).
    minArgs: 0,
    maxArgs: Infinity,
    argTypes: [ANY],
    returns: ARRAY,
    evaluate: (args) => [...args],
  },
  one('base64', [ANY], STRING, (args) => toBase64(args[0])),
  one('base64ToBinary', [STRING], OBJECT, (args, fn) => binaryContent(decodeBase64Arg(fn, args))),
  one('base64ToString', [STRING], STRING, (args, fn) => decodeBase64Arg(fn, args).toString('utf8')),
  one('decodeBase64', [STRING], STRING, (args, fn) => decodeBase64Arg(fn, args).toString('utf8')),
  one('binary', [ANY], OBJECT, (args) => (isBinaryContent(args[0]) ? args[0] : binaryContent(bytesOf(args[0])))),
  one('bool', [['boolean', 'integer', 'float', 'string']], BOOLEAN, (args, fn) => {
    const value = plainNumber(args[0]);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value !== 0;
    if (typeof value === 'string') {
      const text = value.trim().toLowerCase();
      if (text === 'true') return true;
      if (text === 'false') return false;
    }
    throw invalidParameter(fn, CANNOT_CONVERT);
  }),
  one('dataUri', [ANY], STRING, (args) => {
    const value = args[0];
    if (isBinaryContent(value)) return `data:${value['$content-type']};base64,${value.$content}`;
    return `data:text/plain;charset=utf-8;base64,${toBase64(value)}`;
  }),
  one('dataUriToBinary', [STRING], OBJECT, (args, fn) => {
    const { mediaType, bytes } = dataUriArg(fn, args);
    return binaryContent(bytes, mediaType || OCTET_STREAM);
  }),
  one('decodeDataUri', [STRING], OBJECT, (args, fn) => {
    const { mediaType, bytes } = dataUriArg(fn, args);
    return binaryContent(bytes, mediaType || OCTET_STREAM);
  }),
  one('dataUriToString', [STRING], STRING, (args, fn) => dataUriArg(fn, args).bytes.toString('utf8')),
  one('decimal', [['string', 'integer', 'float']], NUMBER, (args, fn) => {
    const value = args[0];
    if (value instanceof DecimalNumber) return value;
    if (typeof value === 'number') return DecimalNumber.from(value);
    const parsed = typeof value === 'string' ? DecimalNumber.parse(value) : undefined;
    if (parsed === undefined) throw invalidParameter(fn, CANNOT_CONVERT);
    return parsed;
  }),
  one('decodeUriComponent', [STRING], STRING, (args, fn) => decodeUriArg(fn, args)),
  one('encodeUriComponent', [ANY], STRING, (args) => escapeDataString(toText(args[0]))),
  one('uriComponent', [ANY], STRING, (args) => escapeDataString(toText(args[0]))),
  one('uriComponentToBinary', [STRING], OBJECT, (args, fn) => binaryContent(Buffer.from(decodeUriArg(fn, args), 'utf8'))),
  one('uriComponentToString', [STRING], STRING, (args, fn) => decodeUriArg(fn, args)),
  {
    name: 'float',
    category,
    minArgs: 1,
    maxArgs: 2,
    argTypes: [['string', 'integer', 'float'], STRING],
    returns: NUMBER,
    floatResult: 'always',
    evaluate(args, _ctx, call) {
      const value = plainNumber(args[0]);
      if (typeof value === 'number') return value;
      if (typeof value === 'string') {
        const parsed = parseDotnetFloat(value, localeArg(call.name, args, 1));
        if (parsed !== undefined) return parsed;
      }
      throw invalidParameter(call.name, CANNOT_CONVERT);
    },
  },
  one('int', [['string', 'integer', 'float', 'boolean']], INTEGER, (args, fn) => {
    const value = plainNumber(args[0]);
    if (typeof value === 'number') return roundHalfEven(value);
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) {
      const parsed = Number(value);
      if (Math.abs(parsed) <= 9223372036854775807) return parsed;
    }
    throw invalidParameter(fn, CANNOT_CONVERT);
  }),
  one('json', [['string', 'object', 'array', 'null']], ANY, (args, fn) => {
    const value = args[0];
    if (isXmlContent(value)) {
      try {
        return xmlTextToJson(xmlTextOf(value));
      } catch (error) {
        if (error instanceof XmlError) throw invalidParameter(fn, error.message);
        throw error;
      }
    }
    // Documented: "If the string is null, the function returns an empty object."
    if (value === null || value === undefined) return {};
    if (typeof value !== 'string') {
      if (typeof value === 'object') return value;
      throw wrongType(fn, 0, 'a string or XML', value, true);
    }
    try {
      return JSON.parse(value, dropPollutingKeys) as unknown;
    } catch (error) {
      const shown = value.length > 100 ? `${value.slice(0, 100)}...` : value;
      throw functionError(fn, `parameter is not valid. The provided value '${shown}' cannot be parsed: '${(error as Error).message}'.`);
    }
  }),
  one('string', [ANY], STRING, (args) => toText(args[0])),
];

