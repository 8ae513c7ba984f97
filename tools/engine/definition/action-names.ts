import type { Plan, PlannedAction } from './plan.js';

/**
 * Action and loop names in `body('x')`, `outputs('x')`, `actions('x')`, `items('x')`,
 * `iterationIndexes('x')` and `result('x')` are matched ignoring letter case, as the service does
 * (a flow that saved and ran reads `body('get_default_calendar_id')` from `Get_default_calendar_id`).
 * Callers look the exact name up first (`plan.actions.get`); this is the fallback, with the
 * lower-cased map built once per plan on the first miss.
 */
const byLowerName = new WeakMap<Plan, Map<string, PlannedAction>>();

export function actionIgnoringCase(plan: Plan, name: string): PlannedAction | undefined {
  let map = byLowerName.get(plan);
  if (!map) {
    map = new Map();
    // Definition order: if two names differ only in case, the first declared wins.
    for (const [actionName, action] of plan.actions) {
      const lower = actionName.toLowerCase();
      if (!map.has(lower)) map.set(lower, action);
    }
    byLowerName.set(plan, map);
  }
  return map.get(name.toLowerCase());
}
