import { dataverseErrors } from '../store/dataverse-error.js';

export type TokenType = 'open' | 'close' | 'comma' | 'string' | 'guid' | 'datetime' | 'date' | 'number' | 'word' | 'end';

export interface Token {
  type: TokenType;
  /** The text as written (string literals: the unquoted value). */
  text: string;
  position: number;
}

// Order matters: a GUID can start like a number or a word, a date like a number.
const MATCHERS: ReadonlyArray<[TokenType, RegExp]> = [
  ['guid', /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y],
  ['datetime', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?(?![\w:])/y],
  ['date', /\d{4}-\d{2}-\d{2}(?![\w:-])/y],
  ['number', /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y],
  ['word', /[A-Za-z_][A-Za-z0-9_.]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y],
];

/** Splits a $filter text into tokens; errors are Dataverse's 400 query-syntax errors. */
export function tokenizeFilter(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', text: char, position: at });
      at++;
      continue;
    }
    if (char === "'") {
      let value = '';
      let end = at + 1;
      for (;;) {
        // Like ODataUriParser, the position is where the text ran out.
        if (end >= text.length) throw dataverseErrors.querySyntax(`There is an unterminated literal at position ${text.length} in '${text}'.`);
        if (text[end] === "'") {
          if (text[end + 1] === "'") {
            value += "'";
            end += 2;
            continue;
          }
          break;
        }
        value += text[end];
        end++;
      }
      tokens.push({ type: 'string', text: value, position: at });
      at = end + 1;
      continue;
    }
    let matched = false;
    for (const [type, pattern] of MATCHERS) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (match) {
        tokens.push({ type, text: match[0], position: at });
        at += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) throw dataverseErrors.querySyntax(`Syntax error: character '${char}' is not valid at position ${at} in '${text}'.`);
  }
  tokens.push({ type: 'end', text: '', position: text.length });
  return tokens;
}
