import { isObject, type WdlAction } from './types.js';

/** One action of a definition with where it sits: its JSON path and the container it is nested in. */
export interface ActionVisit {
  name: string;
  action: WdlAction;
  /** Path from the `actions` map given to visitActions (prefixed with its `basePath`). */
  path: (string | number)[];
  /** The enclosing container action (Scope, If, Switch, Foreach, Until), if any. */
  parent?: ActionVisit;
  /** The action map this action is a member of (its siblings, itself included). */
  siblings: Record<string, WdlAction>;
  /** Which branch of the parent holds it: `actions`, `else`, `case:<name>`, `default`. */
  branch: string;
}

/** The child action maps of a container action, with their branch names and JSON paths. */
export function childActionMaps(action: WdlAction): { branch: string; actions: Record<string, WdlAction>; path: string[] }[] {
  const maps: { branch: string; actions: Record<string, WdlAction>; path: string[] }[] = [];
  if (isObject(action.actions)) maps.push({ branch: 'actions', actions: action.actions as Record<string, WdlAction>, path: ['actions'] });
  if (isObject(action.else) && isObject(action.else.actions)) {
    maps.push({ branch: 'else', actions: action.else.actions as Record<string, WdlAction>, path: ['else', 'actions'] });
  }
  if (isObject(action.cases)) {
    for (const [caseName, body] of Object.entries(action.cases)) {
      if (isObject(body) && isObject(body.actions)) {
        maps.push({ branch: `case:${caseName}`, actions: body.actions as Record<string, WdlAction>, path: ['cases', caseName, 'actions'] });
      }
    }
  }
  if (isObject(action.default) && isObject(action.default.actions)) {
    maps.push({ branch: 'default', actions: action.default.actions as Record<string, WdlAction>, path: ['default', 'actions'] });
  }
  return maps;
}

/**
 * Deepest container nesting walked. The service allows 8 levels; a hostile file nesting thousands
 * must not overflow the stack, and what lies deeper is not a valid flow anyway.
 */
export const MAX_WALK_DEPTH = 64;

/** Visits every action depth-first, parents before children, in document order. */
export function visitActions(
  actions: Record<string, WdlAction> | undefined,
  visitor: (visit: ActionVisit) => void,
  basePath: (string | number)[] = [],
  parent?: ActionVisit,
  branch = 'actions',
  depth = 0,
): void {
  if (!isObject(actions) || depth > MAX_WALK_DEPTH) return;
  for (const [name, action] of Object.entries(actions)) {
    if (!isObject(action)) continue;
    const visit: ActionVisit = { name, action, path: [...basePath, name], parent, siblings: actions, branch };
    visitor(visit);
    for (const child of childActionMaps(action)) visitActions(child.actions, visitor, [...visit.path, ...child.path], visit, child.branch, depth + 1);
  }
}

/** The action's own JSON properties that hold values (not its nested actions). */
export const NESTED_ACTION_KEYS = new Set(['actions', 'else', 'cases', 'default']);
