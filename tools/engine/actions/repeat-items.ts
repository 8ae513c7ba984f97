import type { ActionExecution } from '../run-action.js';

/**
 * Evaluates `part` once per item of `from` with `item()` bound to that item: Query's `where`,
 * Select's `select`, Table's column values.
 */
export function mapItems(execution: ActionExecution, from: unknown[], part: string, template: unknown): unknown[] {
  const out = new Array<unknown>(from.length);
  for (let index = 0; index < from.length; index++) {
    out[index] = execution.evaluate(part, template, execution.itemFrame(from[index], index));
  }
  return out;
}
