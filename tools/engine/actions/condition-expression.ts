import type { EvaluationContext } from '../../expressions/context.js';
import { ActionFailure } from '../errors.js';
import { callWorkflowFunction } from '../inputs/functions.js';
import { evaluatePart } from '../inputs/templates.js';
import type { PlannedAction } from '../definition/plan.js';
import { isObject, wdlTypeName } from './values.js';

/** Comparisons the designer writes as objects: `{"equals": ["@x", 5]}`, wrapped in and/or/not. */
const COMPARISONS = new Set(['equals', 'contains', 'greater', 'greaterorequals', 'less', 'lessorequals', 'startswith', 'endswith']);

/**
 * Evaluates an If / Until `expression`: either a template (`"@equals(x, 1)"`) or the designer's
 * condition object (`{"and": [{"not": {"equals": [..]}}, {"greater": [..]}]}`). Operands are
 * templates; comparisons run through the expression language's own functions.
 */
export function evaluateCondition(action: PlannedAction, expression: unknown, context: EvaluationContext): boolean {
  return conditionValue(action, isObject(expression) ? evaluateNode(action, expression, 'expression', context) : evaluatePart(action, 'expression', expression, context));
}

/** What an evaluated condition means: a boolean, or the strings true/false; anything else fails the action. */
export function conditionValue(action: PlannedAction, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ActionFailure('InvalidTemplate', `Unable to process template language expressions for action '${action.name}'. The expression must evaluate to a boolean; it returned a value of type '${wdlTypeName(value)}'.`);
}

function evaluateNode(action: PlannedAction, node: unknown, path: string, context: EvaluationContext): unknown {
  if (!isObject(node)) return evaluatePart(action, path, node, context);
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new ActionFailure('InvalidTemplate', `The condition of action '${action.name}' at '${path}' must have exactly one operator; found ${keys.length}.`);
  const operator = keys[0] as string;
  const operand = node[operator];
  const lower = operator.toLowerCase();
  if (lower === 'and' || lower === 'or') {
    const items = Array.isArray(operand) ? operand : [operand];
    for (let i = 0; i < items.length; i++) {
      const result = asBoolean(action, evaluateNode(action, items[i], `${path}.${operator}[${i}]`, context), `${path}.${operator}[${i}]`);
      if (lower === 'and' && !result) return false;
      if (lower === 'or' && result) return true;
    }
    return lower === 'and';
  }
  if (lower === 'not') return !asBoolean(action, evaluateNode(action, operand, `${path}.not`, context), `${path}.not`);
  if (!COMPARISONS.has(lower)) throw new ActionFailure('InvalidTemplate', `The condition of action '${action.name}' uses unknown operator '${operator}'.`);
  const args = (Array.isArray(operand) ? operand : [operand]).map((arg, i) => evaluatePart(action, `${path}.${operator}[${i}]`, arg, context));
  return callWorkflowFunction(operator, args, context);
}

function asBoolean(action: PlannedAction, value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new ActionFailure('InvalidTemplate', `The condition of action '${action.name}' at '${path}' must be a boolean; it is of type '${wdlTypeName(value)}'.`);
}
