import type { ActionVisit } from '../../wdl/walk.js';
import type { CallFact } from './expressions.js';
import type { FlowModel } from './flow-model.js';
import type { ExpressionOwner } from '../types.js';

/** Workflow functions whose first argument names an action. */
export const ACTION_FUNCTIONS = new Set(['actions', 'action', 'body', 'outputs', 'result', 'actionbody', 'actionoutputs']);

export function isActionReference(call: CallFact): boolean {
  return ACTION_FUNCTIONS.has(call.name.toLowerCase()) && call.literalArg !== undefined;
}

/** Whether `path` is inside the Until's `expression` or `limit`: evaluated after its body has run. */
function isUntilCondition(visit: ActionVisit, path: (string | number)[]): boolean {
  return visit.action.type === 'Until' && (path[visit.path.length] === 'expression' || path[visit.path.length] === 'limit');
}

/**
 * Whether the action `target` can have finished when the expression at `path` of `owner` is
 * evaluated. Unknown targets answer true (another rule reports them).
 */
export function canHaveRun(flow: FlowModel, owner: ExpressionOwner, target: string, path: (string | number)[]): boolean {
  if (owner.kind === 'trigger') return false;
  const visit = owner.visit;
  if (flow.hasRunBefore(visit, target)) return true;
  if (isUntilCondition(visit, path)) return flow.descendants(visit).some((d) => d.name === target);
  return false;
}
