import { randomUUID } from 'node:crypto';
import { functionError, invalidParameter } from '../errors.js';
import { toText } from '../values.js';
import { formatNumberDotnet } from '../formats/number-format.js';
import { parseDotnetFloat } from '../formats/number-parse.js';
import { ANY, ARRAY, BOOLEAN, INTEGER, NUMBER, STRING, integerArg, localeArg, numberArg, optionalStringArg, stringArg, wrongType, type ArgType, type FunctionDescriptor } from './descriptor.js';

const category = 'string';

/** The service's limit on the result of concat() and join(). */
export const MAX_RESULT_CHARS = 104_857_600;

/** Ordinal, case-insensitive search as the service does for indexOf/lastIndexOf/startsWith/endsWith. */
function fold(text: string): string {
  return text.toLowerCase();
}

/**
 * Case mapping as .NET's invariant ToUpper/ToLower: character by character, never changing the
 * length ('ß' stays 'ß' in upper case, where JavaScript would write 'SS').
 */
function mapCase(text: string, map: (char: string) => string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return map(text);
  let result = '';
  for (const char of text) {
    const mapped = map(char);
    result += mapped.length === char.length ? mapped : char;
  }
  return result;
}

/** `name(text, search)` comparing case-insensitively, as the service does for these four. */
function textSearch(name: string, returns: ArgType, search: (text: string, part: string) => unknown): FunctionDescriptor {
  return {
    name,
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns,
    evaluate: (args, _ctx, call) => search(fold(stringArg(call.name, args, 0)), fold(stringArg(call.name, args, 1))),
  };
}

/** `name(text)` returning a transformed string. */
function textTransform(name: string, transform: (text: string) => string): FunctionDescriptor {
  return { name, category, minArgs: 1, maxArgs: 1, argTypes: [STRING], returns: STRING, evaluate: (args, _ctx, call) => transform(stringArg(call.name, args, 0)) };
}

export const stringFunctions: FunctionDescriptor[] = [
  {
    name: 'concat',
    category,
    minArgs: 1,
    maxArgs: Infinity,
    argTypes: [ANY],
    returns: STRING,
    evaluate(args, _ctx, call) {
      let text = '';
      for (const arg of args) text += toText(arg);
      if (text.length > MAX_RESULT_CHARS) throw invalidParameter(call.name, `The result has ${text.length} characters; it must not exceed ${MAX_RESULT_CHARS}.`);
      return text;
    },
  },
  textSearch('endsWith', BOOLEAN, (text, part) => text.endsWith(part)),
  textSearch('startsWith', BOOLEAN, (text, part) => text.startsWith(part)),
  {
    name: 'formatNumber',
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [NUMBER, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const value = numberArg(call.name, args, 0);
      const format = stringArg(call.name, args, 1);
      const locale = localeArg(call.name, args, 2) ?? 'en-US';
      try {
        return formatNumberDotnet(value, format, locale);
      } catch (error) {
        throw invalidParameter(call.name, (error as Error).message);
      }
    },
  },
  {
    name: 'guid',
    category,
    minArgs: 0,
    maxArgs: 1,
    argTypes: [STRING],
    returns: STRING,
    volatile: true,
    evaluate(args, _ctx, call) {
      const format = optionalStringArg(call.name, args, 0) ?? 'D';
      const id = randomUUID();
      switch (format.toUpperCase()) {
        case 'D':
          return id;
        case 'N':
          return id.replace(/-/g, '');
        case 'B':
          return `{${id}}`;
        case 'P':
          return `(${id})`;
        case 'X': {
          const hex = id.replace(/-/g, '');
          const bytes = (from: number, to: number) => hex.slice(from, to).match(/../g)!.map((b) => `0x${b}`);
          return `{0x${hex.slice(0, 8)},0x${hex.slice(8, 12)},0x${hex.slice(12, 16)},{${bytes(16, 32).join(',')}}}`;
        }
        default:
          throw invalidParameter(call.name, `The format '${format}' is not valid: expected one of N, D, B, P or X.`);
      }
    },
  },
  textSearch('indexOf', INTEGER, (text, part) => text.indexOf(part)),
  {
    name: 'lastIndexOf',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: INTEGER,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const search = stringArg(call.name, args, 1);
      // Documented .NET Framework edge cases: ('', '') is 0, (s, '') is the last index.
      if (search === '') return text === '' ? 0 : text.length - 1;
      return fold(text).lastIndexOf(fold(search));
    },
  },
  {
    name: 'nthIndexOf',
    category,
    minArgs: 3,
    maxArgs: 3,
    argTypes: [STRING, STRING, INTEGER],
    returns: INTEGER,
    evaluate(args, _ctx, call) {
      const text = fold(stringArg(call.name, args, 0));
      const search = fold(stringArg(call.name, args, 1));
      const occurrence = integerArg(call.name, args, 2);
      if (occurrence === 0) throw invalidParameter(call.name, "The occurrence must be a positive or negative integer, not 0.");
      if (occurrence > 0) {
        let at = -1;
        for (let n = 0; n < occurrence; n++) {
          at = text.indexOf(search, at + 1);
          if (at < 0) return -1;
        }
        return at;
      }
      // Negative: count occurrences from the end.
      let at = text.length;
      for (let n = 0; n < -occurrence; n++) {
        if (at - 1 < 0) return -1;
        at = text.lastIndexOf(search, at - 1);
        if (at < 0) return -1;
      }
      return at;
    },
  },
  {
    name: 'replace',
    category,
    minArgs: 3,
    maxArgs: 3,
    argTypes: [STRING, STRING, STRING],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const oldText = stringArg(call.name, args, 1);
      const newText = args[2] === null ? '' : stringArg(call.name, args, 2);
      if (oldText === '') throw invalidParameter(call.name, 'The string to replace must not be empty.');
      return text.split(oldText).join(newText);
    },
  },
  {
    name: 'slice',
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [STRING, INTEGER, INTEGER],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const start = integerArg(call.name, args, 1);
      const end = args.length > 2 ? integerArg(call.name, args, 2) : text.length;
      return text.slice(start, end);
    },
  },
  {
    name: 'split',
    category,
    minArgs: 2,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: ARRAY,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const delimiter = stringArg(call.name, args, 1);
      return delimiter === '' ? [text] : text.split(delimiter);
    },
  },
  {
    name: 'substring',
    category,
    minArgs: 2,
    maxArgs: 3,
    argTypes: [STRING, INTEGER, INTEGER],
    returns: STRING,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const start = integerArg(call.name, args, 1);
      const length = args.length > 2 ? integerArg(call.name, args, 2) : text.length - start;
      if (start < 0 || length < 0 || start + length > text.length) {
        throw functionError(
          call.name,
          "parameters are out of range: 'start index' and 'length' must be non-negative integers and their sum must be no larger than the length of the string.",
        );
      }
      return text.substr(start, length);
    },
  },
  textTransform('toLower', (text) => mapCase(text, (chunk) => chunk.toLowerCase())),
  textTransform('toUpper', (text) => mapCase(text, (chunk) => chunk.toUpperCase())),
  textTransform('trim', (text) => text.trim()),
  {
    name: 'isFloat',
    category,
    minArgs: 1,
    maxArgs: 2,
    argTypes: [STRING, STRING],
    returns: BOOLEAN,
    evaluate(args, _ctx, call) {
      const text = stringArg(call.name, args, 0);
      const locale = localeArg(call.name, args, 1);
      return parseDotnetFloat(text, locale) !== undefined;
    },
  },
  {
    name: 'isInt',
    category,
    minArgs: 1,
    maxArgs: 1,
    argTypes: [STRING],
    returns: BOOLEAN,
    evaluate(args, _ctx, call) {
      const value = args[0];
      if (typeof value !== 'string') throw wrongType(call.name, 0, 'of type string', value, true);
      return /^\s*[+-]?\d+\s*$/.test(value) && Math.abs(Number(value)) <= 9223372036854775807;
    },
  },
];
