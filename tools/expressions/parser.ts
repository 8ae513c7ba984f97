import type { CallNode, ExpressionNode, LiteralNode } from './ast.js';
import { ExpressionSyntaxError } from './errors.js';

/**
 * Deepest nesting of calls, indexers and property steps one expression may have. Real flows stay far
 * below (the designer limits expressions to 8,192 characters); the limit turns hostile input such as
 * 10,000 nested calls into a clear error instead of a stack overflow in the parser or the evaluator.
 */
export const MAX_EXPRESSION_DEPTH = 256;

const CHAR_QUOTE = 39; // '
const CHAR_OPEN_PAREN = 40;
const CHAR_CLOSE_PAREN = 41;
const CHAR_COMMA = 44;
const CHAR_MINUS = 45;
const CHAR_DOT = 46;
const CHAR_QUESTION = 63;
const CHAR_OPEN_BRACKET = 91;
const CHAR_CLOSE_BRACKET = 93;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || isDigit(code);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff;
}

/**
 * Parses one expression (without the leading `@`) into its syntax tree. Throws ExpressionSyntaxError
 * naming the column and what was expected.
 */
export function parseExpression(text: string): ExpressionNode {
  const parser = new Parser(text);
  parser.skipSpace();
  const node = parser.parseExpression(0);
  parser.skipSpace();
  if (parser.pos < text.length) throw parser.error("the end of the expression (a function call's ')' or a property access ends here)");
  return node;
}

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  error(expected: string, at = this.pos): ExpressionSyntaxError {
    return new ExpressionSyntaxError(this.text, at, expected);
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
  }

  /** primary, then any number of `.name`, `?.name`, `[expr]`, `?[expr]`. */
  parseExpression(depth: number): ExpressionNode {
    if (depth > MAX_EXPRESSION_DEPTH) throw this.error(`at most ${MAX_EXPRESSION_DEPTH} levels of nested calls and property steps`);
    let node = this.parsePrimary(depth);
    const text = this.text;
    for (;;) {
      this.skipSpace();
      const start = node.start;
      let code = text.charCodeAt(this.pos);
      let optional = false;
      if (code === CHAR_QUESTION) {
        optional = true;
        this.pos++;
        this.skipSpace();
        code = text.charCodeAt(this.pos);
        if (code !== CHAR_DOT && code !== CHAR_OPEN_BRACKET) throw this.error("'[' or '.' after '?'");
      }
      if (code !== CHAR_DOT && code !== CHAR_OPEN_BRACKET) return node;
      depth++;
      if (depth > MAX_EXPRESSION_DEPTH) throw this.error(`at most ${MAX_EXPRESSION_DEPTH} levels of nested calls and property steps`);
      this.pos++;
      this.skipSpace();
      if (code === CHAR_DOT) {
        const nameStart = this.pos;
        if (!isIdentifierStart(text.charCodeAt(this.pos))) throw this.error("a property name after '.'");
        while (this.pos < text.length && isIdentifierPart(text.charCodeAt(this.pos))) this.pos++;
        node = { kind: 'member', object: node, property: text.slice(nameStart, this.pos), optional, start, end: this.pos };
      } else {
        const index = this.parseExpression(depth + 1);
        this.skipSpace();
        if (text.charCodeAt(this.pos) !== CHAR_CLOSE_BRACKET) throw this.error("']' to close the indexer");
        this.pos++;
        node = { kind: 'index', object: node, index, optional, start, end: this.pos };
      }
    }
  }

  parsePrimary(depth: number): ExpressionNode {
    const text = this.text;
    const start = this.pos;
    const code = text.charCodeAt(start);
    if (code === CHAR_QUOTE) return this.parseString();
    if (isDigit(code) || code === CHAR_MINUS || code === CHAR_DOT) return this.parseNumber();
    if (isIdentifierStart(code)) {
      while (this.pos < text.length && isIdentifierPart(text.charCodeAt(this.pos))) this.pos++;
      const name = text.slice(start, this.pos);
      const afterName = this.pos;
      this.skipSpace();
      if (text.charCodeAt(this.pos) === CHAR_OPEN_PAREN) return this.parseCall(name, start, depth);
      if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', start, end: afterName };
      if (name === 'null') return { kind: 'literal', value: null, start, end: afterName };
      throw this.error(`'(' after '${name}': a name must be a function call such as ${name}(), or true, false or null`);
    }
    throw this.error('a function call, a string in single quotes, a number, true, false or null');
  }

  parseCall(name: string, start: number, depth: number): CallNode {
    const text = this.text;
    this.pos++; // (
    const args: ExpressionNode[] = [];
    this.skipSpace();
    if (text.charCodeAt(this.pos) === CHAR_CLOSE_PAREN) {
      this.pos++;
      return { kind: 'call', name, args, start, end: this.pos };
    }
    for (;;) {
      this.skipSpace();
      args.push(this.parseExpression(depth + 1));
      this.skipSpace();
      const code = text.charCodeAt(this.pos);
      if (code === CHAR_COMMA) {
        this.pos++;
        continue;
      }
      if (code === CHAR_CLOSE_PAREN) {
        this.pos++;
        return { kind: 'call', name, args, start, end: this.pos };
      }
      throw this.error(`',' or ')' in the arguments of '${name}'`);
    }
  }

  /** `'...'` with `''` standing for one quote. */
  parseString(): LiteralNode {
    const text = this.text;
    const start = this.pos;
    let value = '';
    let chunkStart = ++this.pos;
    for (;;) {
      const at = text.indexOf("'", this.pos);
      if (at < 0) throw this.error(`a closing quote (') for the string that starts at column ${start + 1}`, text.length);
      if (text.charCodeAt(at + 1) === CHAR_QUOTE) {
        value += text.slice(chunkStart, at + 1);
        this.pos = at + 2;
        chunkStart = this.pos;
        continue;
      }
      value += text.slice(chunkStart, at);
      this.pos = at + 1;
      return { kind: 'literal', value, start, end: this.pos };
    }
  }

  /** `42`, `-7`, `10.5`, `.3`, `1e3`, `-2.5E-2`. */
  parseNumber(): LiteralNode {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(this.pos) === CHAR_MINUS) this.pos++;
    let digits = 0;
    while (isDigit(text.charCodeAt(this.pos))) {
      this.pos++;
      digits++;
    }
    let float = false;
    // A '.' not followed by a digit ends the number: `0.name` is a property step, `.3` a fraction.
    if (text.charCodeAt(this.pos) === CHAR_DOT && (isDigit(text.charCodeAt(this.pos + 1)) || digits === 0)) {
      this.pos++;
      float = true;
      let fraction = 0;
      while (isDigit(text.charCodeAt(this.pos))) {
        this.pos++;
        fraction++;
      }
      if (fraction === 0) throw this.error('a digit after the decimal point');
      digits += fraction;
    }
    if (digits === 0) throw this.error(text.charCodeAt(start) === CHAR_MINUS ? "a digit after '-'" : 'a function call, a string in single quotes, a number, true, false or null', digits === 0 ? this.pos : start);
    const e = text.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      this.pos++;
      const sign = text.charCodeAt(this.pos);
      if (sign === 43 || sign === CHAR_MINUS) this.pos++;
      if (!isDigit(text.charCodeAt(this.pos))) throw this.error('a digit in the exponent');
      while (isDigit(text.charCodeAt(this.pos))) this.pos++;
      float = true;
    }
    if (isIdentifierStart(text.charCodeAt(this.pos))) throw this.error("',' or ')' after the number");
    const parsed = Number(text.slice(start, this.pos));
    const value = parsed === 0 ? 0 : parsed; // no -0 literal
    if (!Number.isFinite(value)) throw this.error('a number within the range of a 64-bit float', start);
    return float ? { kind: 'literal', value, float: true, start, end: this.pos } : { kind: 'literal', value, start, end: this.pos };
  }
}
