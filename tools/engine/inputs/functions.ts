import type { EvaluationContext } from '../../expressions/context.js';
import { lookupFunction } from '../../expressions/index.js';

/**
 * Calls a workflow function of the expression language with values already evaluated. The
 * designer's condition objects (`{"equals": [a, b]}`) and the Date Time built-in actions use the
 * very functions expressions use, so both agree on every edge case.
 */
export function callWorkflowFunction(name: string, args: unknown[], context: EvaluationContext): unknown {
  const descriptor = lookupFunction(name);
  if (!descriptor) throw new Error(`the expression language has no function '${name}'`);
  if (descriptor.lazy) return descriptor.evaluate(args.map((value) => () => value), context, { name, floatArgs: args.some((a) => typeof a === 'number' && !Number.isInteger(a)) });
  return descriptor.evaluate(args, context, { name, floatArgs: args.some((a) => typeof a === 'number' && !Number.isInteger(a)) });
}
