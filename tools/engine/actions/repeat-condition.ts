import type { ActionExecution } from '../run-action.js';
import { evaluateCondition } from './condition-expression.js';

/** A Query `where` for one item: template or designer condition object, `item()` bound. */
export function evaluateConditionAsBoolean(execution: ActionExecution, item: unknown, index: number, where: unknown): boolean {
  return evaluateCondition(execution.action, where, execution.itemFrame(item, index));
}
