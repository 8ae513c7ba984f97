import type { ActionVisit } from '../../wdl/walk.js';
import { isObject } from '../../wdl/types.js';
import type { FlowModel } from './flow-model.js';

/** Action types that write a variable named by `inputs.name`. */
export const VARIABLE_WRITERS = new Set(['SetVariable', 'IncrementVariable', 'DecrementVariable', 'AppendToArrayVariable', 'AppendToStringVariable']);

/** The variables an InitializeVariable action declares, with their index in `inputs.variables`. */
export function declaredVariables(visit: ActionVisit): { name: string; index: number }[] {
  if (visit.action.type !== 'InitializeVariable' || !isObject(visit.action.inputs)) return [];
  const variables = visit.action.inputs.variables;
  if (!Array.isArray(variables)) return [];
  return variables.flatMap((v, index) => (isObject(v) && typeof v.name === 'string' ? [{ name: v.name, index }] : []));
}

/** Variable name -> InitializeVariable actions declaring it (names compare case-insensitively, as the service does). */
export function variableDeclarations(flow: FlowModel): Map<string, ActionVisit[]> {
  const map = new Map<string, ActionVisit[]>();
  for (const visit of flow.actions) {
    for (const { name } of declaredVariables(visit)) {
      const key = name.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), visit]);
    }
  }
  return map;
}
