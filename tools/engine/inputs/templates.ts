import { compileTemplate } from '../../expressions/index.js';
import type { EvaluationContext } from '../../expressions/context.js';
import type { PlannedAction } from '../definition/plan.js';
import type { ArrayReads } from '../context/run-state.js';

/**
 * Evaluates one part of an action's definition (`inputs`, `foreach`, `inputs.select`...) in a
 * context. Each part is compiled once per action and reused by every iteration: a 100k-item loop
 * parses its expressions once.
 */
export function evaluatePart(action: PlannedAction, part: string, value: unknown, context: EvaluationContext): unknown {
  return evaluateChecked(compiledPart(action, part, value), context);
}

/** The part's compiled template, made on first use and kept on the action. */
export function compiledPart(action: PlannedAction, part: string, value: unknown): (context: EvaluationContext) => unknown {
  let compiled = action.compiled.get(part) as ((context: EvaluationContext) => unknown) | undefined;
  if (!compiled) {
    compiled = compileTemplate(value);
    action.compiled.set(part, compiled as (context: never) => unknown);
  }
  return compiled;
}

/**
 * Calls a compiled template; when the context is a run's frame, the array variables it read are
 * marked shared only if the result holds them (see ArrayReads).
 */
export function evaluateChecked(compiled: (context: EvaluationContext) => unknown, context: EvaluationContext): unknown {
  const reads = (context as { run?: { arrayReads?: ArrayReads } }).run?.arrayReads;
  if (reads === undefined) return compiled(context);
  const from = reads.mark();
  const result = compiled(context);
  reads.settle(from, result);
  return result;
}

/**
 * Whether evaluating a definition part may read a variable (it calls `variables()`, any case): only
 * then can an evaluation leave array reads to settle (ArrayReads), so hot loops skip the check
 * for the others. A mention inside a string literal only makes the answer a safe yes.
 */
export function mayReadVariables(part: unknown): boolean {
  return /variables\s*\(/i.test(typeof part === 'string' ? part : (JSON.stringify(part) ?? ''));
}

/** Compiles a part now, so syntax errors surface before the run starts. */
export function precompilePart(action: PlannedAction, part: string, value: unknown): void {
  if (!action.compiled.has(part)) action.compiled.set(part, compileTemplate(value) as (context: never) => unknown);
}
