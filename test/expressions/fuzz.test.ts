import { describe, expect, it } from 'vitest';
import { compileExpression, compileTemplate, ExpressionSyntaxError, WorkflowExpressionError } from '../../tools/expressions/index.js';
import { scopeContext } from './helpers.js';
import { stringCases } from './functions/string.cases.js';
import { collectionCases } from './functions/collection.cases.js';
import { dateTimeCases } from './functions/date-time.cases.js';
import { jsonXmlCases } from './functions/json-xml.cases.js';
import { workflowCases } from './functions/workflow.cases.js';

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = "abcxyz_$()[]{}.,?'@ -0123456789eE\t\n\"\\/";
const TOKENS = ['(', ')', '[', ']', '?', '.', ',', "'", "''", '@', '@{', '}', 'concat', 'body', 'if', 'null', 'true', '-', '.5', '1e9', "['a/b']", '?[', '?.'];
const seeds = [...stringCases, ...collectionCases, ...dateTimeCases, ...jsonXmlCases, ...workflowCases].map(([expression]) => expression);

/** Outcome of one input: a value or one of our two error types; anything else is a crash. */
function tryExpression(text: string): 'value' | 'error' {
  try {
    compileExpression(text)(scopeContext);
    return 'value';
  } catch (error) {
    if (error instanceof ExpressionSyntaxError || error instanceof WorkflowExpressionError) return 'error';
    throw new Error(`crash on ${JSON.stringify(text)}: ${(error as Error).stack}`);
  }
}

function tryTemplate(text: string): 'value' | 'error' {
  try {
    compileTemplate(text)(scopeContext);
    return 'value';
  } catch (error) {
    if (error instanceof ExpressionSyntaxError || error instanceof WorkflowExpressionError) return 'error';
    throw new Error(`crash on template ${JSON.stringify(text)}: ${(error as Error).stack}`);
  }
}

function mutate(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const choice = next();
    if (choice < 0.3) result = result.slice(0, at) + result.slice(at + 1);
    else if (choice < 0.6) result = result.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)] + result.slice(at);
    else if (choice < 0.8) result = result.slice(0, at) + ALPHABET[Math.floor(next() * ALPHABET.length)] + result.slice(at + 1);
    else {
      const from = Math.floor(next() * result.length);
      result = result.slice(0, at) + result.slice(from, from + 1 + Math.floor(next() * 8)) + result.slice(at);
    }
  }
  return result;
}

describe('hostile and random input', () => {
  it('100,000 random and mutated expressions give a value or a clear error, never a crash', () => {
    const next = random(0xc0ffee);
    const outcomes = { value: 0, error: 0 };
    for (let i = 0; i < 100_000; i++) {
      let text: string;
      if (i % 2 === 0) text = mutate(seeds[Math.floor(next() * seeds.length)]!, next);
      else {
        const length = Math.floor(next() * 24);
        text = '';
        for (let j = 0; j < length; j++) text += next() < 0.3 ? TOKENS[Math.floor(next() * TOKENS.length)] : ALPHABET[Math.floor(next() * ALPHABET.length)];
      }
      outcomes[i % 10 === 5 ? tryTemplate(text) : tryExpression(text)]++;
    }
    // Both kinds of outcome occur: the generator reaches the evaluator, not only the parser.
    expect(outcomes.value).toBeGreaterThan(1000);
    expect(outcomes.error).toBeGreaterThan(1000);
  }, 60_000);

  it.each([
    ['10,000 nested calls', `${'concat('.repeat(10_000)}'x'${')'.repeat(10_000)}`],
    ['10,000 open parentheses', '('.repeat(10_000)],
    ['10,000 nested parentheses', `${'('.repeat(10_000)}1${')'.repeat(10_000)}`],
    ['10,000 nested indexers', `${"createArray(1)[".repeat(10_000)}0${']'.repeat(10_000)}`],
    ['10,000 property steps', `item()${'?.a'.repeat(10_000)}`],
    ['an unterminated string of 1 MB', `concat('${'x'.repeat(1_000_000)}`],
    ['a template of 10,000 interpolations', '@{1}'.repeat(10_000)],
  ])('%s: a clear error or a value, quickly', (_name, text) => {
    const outcome = text.startsWith('@{') ? tryTemplate(text) : tryExpression(text);
    expect(['value', 'error']).toContain(outcome);
  });

  it('a JSON value nested 100,000 deep is compared and printed, or refused, without a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const expression of [`equals(json('${deep}'), json('${deep}'))`, `string(json('${deep}'))`, `length(json('${deep}'))`]) {
      expect(['value', 'error']).toContain(tryExpression(expression));
    }
  });

  it('deep nesting reports the limit in words', () => {
    expect(() => compileExpression(`${'concat('.repeat(10_000)}'x'${')'.repeat(10_000)}`)).toThrow(/at most 256 levels of nested calls and property steps/);
  });
});
