import { isObject, type WdlAction, type WdlDefinition } from '../../wdl/types.js';
import { NESTED_ACTION_KEYS, visitActions, type ActionVisit } from '../../wdl/walk.js';
import { collectExpressionSites, type ExpressionSite } from './expressions.js';

/** A trigger of the flow with its JSON path. */
export interface TriggerVisit {
  name: string;
  trigger: WdlAction;
  path: (string | number)[];
}

/** Where a workflow file keeps its pieces: a solution export, a legacy package definition.json, or a bare definition. */
export type WorkflowShape = 'solution' | 'legacy' | 'definition';

/**
 * One flow, indexed once for every rule: its actions with their containers, triggers, connection
 * references, parameters, and every expression parsed.
 */
export class FlowModel {
  readonly actions: ActionVisit[] = [];
  readonly byName = new Map<string, ActionVisit[]>();
  readonly triggers: TriggerVisit[] = [];
  readonly definition: WdlDefinition;
  /** JSON path of `definition` in the file. */
  readonly definitionPath: (string | number)[];
  /** Connection reference keys (`properties.connectionReferences`), with the path of that object. */
  readonly connectionReferences: Map<string, Record<string, unknown>>;
  readonly connectionReferencesPath: (string | number)[] | undefined;
  private readonly sitesByOwner = new Map<string, ExpressionSite[]>();
  private ranBeforeCache = new Map<ActionVisit, Set<string>>();

  constructor(
    readonly file: string,
    readonly document: unknown,
    readonly shape: WorkflowShape,
  ) {
    const doc = isObject(document) ? document : {};
    const properties = isObject(doc.properties) ? doc.properties : undefined;
    if (shape === 'definition') {
      this.definitionPath = [];
      this.definition = doc as WdlDefinition;
    } else {
      this.definitionPath = ['properties', 'definition'];
      this.definition = (isObject(properties?.definition) ? properties!.definition : {}) as WdlDefinition;
    }
    const references = properties && isObject(properties.connectionReferences) ? properties.connectionReferences : undefined;
    this.connectionReferencesPath = references ? ['properties', 'connectionReferences'] : undefined;
    this.connectionReferences = new Map(Object.entries(references ?? {}).map(([k, v]) => [k, isObject(v) ? v : {}]));
    const triggers = isObject(this.definition.triggers) ? this.definition.triggers : {};
    for (const [name, trigger] of Object.entries(triggers)) {
      if (isObject(trigger)) this.triggers.push({ name, trigger: trigger as WdlAction, path: [...this.definitionPath, 'triggers', name] });
    }
    visitActions(this.definition.actions, (visit) => {
      this.actions.push(visit);
      const list = this.byName.get(visit.name) ?? [];
      list.push(visit);
      this.byName.set(visit.name, list);
    }, [...this.definitionPath, 'actions']);
  }

  /** Whether this document has any flow structure at all. */
  get hasDefinition(): boolean {
    return isObject(this.definition.actions) || isObject(this.definition.triggers);
  }

  action(name: string): ActionVisit | undefined {
    return this.byName.get(name)?.[0];
  }

  /** Expression sites in an action's own properties (not in its nested actions). */
  sitesOf(visit: ActionVisit): ExpressionSite[] {
    const key = visit.path.join('\u0000');
    let sites = this.sitesByOwner.get(key);
    if (!sites) {
      sites = collectExpressionSites(visit.action, visit.path, NESTED_ACTION_KEYS);
      this.sitesByOwner.set(key, sites);
    }
    return sites;
  }

  triggerSites(trigger: TriggerVisit): ExpressionSite[] {
    const key = trigger.path.join('\u0000');
    let sites = this.sitesByOwner.get(key);
    if (!sites) {
      sites = collectExpressionSites(trigger.trigger, trigger.path);
      this.sitesByOwner.set(key, sites);
    }
    return sites;
  }

  /** Enclosing container actions, innermost first. */
  ancestors(visit: ActionVisit): ActionVisit[] {
    const list: ActionVisit[] = [];
    for (let p = visit.parent; p; p = p.parent) list.push(p);
    return list;
  }

  /** All actions nested (at any depth) inside `container`. */
  descendants(container: ActionVisit): ActionVisit[] {
    return this.actions.filter((a) => {
      for (let p = a.parent; p; p = p.parent) if (p === container) return true;
      return false;
    });
  }

  /**
   * Names of the actions that can have finished before `visit` starts: its runAfter predecessors
   * (transitively, in its own action map), everything nested in them, and the same for each
   * enclosing container. An action outside this set either does not exist or cannot have run yet.
   */
  ranBefore(visit: ActionVisit): Set<string> {
    const cached = this.ranBeforeCache.get(visit);
    if (cached) return cached;
    const names = new Set<string>();
    for (let level: ActionVisit | undefined = visit; level; level = level.parent) {
      for (const predecessor of predecessorsIn(level)) {
        names.add(predecessor);
        const predecessorVisit = this.actions.find((a) => a.name === predecessor && a.siblings === level!.siblings);
        if (predecessorVisit) for (const nested of this.descendants(predecessorVisit)) names.add(nested.name);
      }
    }
    this.ranBeforeCache.set(visit, names);
    return names;
  }
}

/** Transitive runAfter predecessors of an action within its own action map (cycles tolerated). */
export function predecessorsIn(visit: ActionVisit): Set<string> {
  const seen = new Set<string>();
  const stack = Object.keys(runAfterOf(visit.action));
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name) || name === visit.name) continue;
    const sibling = visit.siblings[name];
    if (!isObject(sibling)) continue;
    seen.add(name);
    stack.push(...Object.keys(runAfterOf(sibling as WdlAction)));
  }
  return seen;
}

export function runAfterOf(action: WdlAction): Record<string, unknown> {
  return isObject(action.runAfter) ? (action.runAfter as Record<string, unknown>) : {};
}

/** Decides how a parsed workflow file is shaped. */
export function detectShape(document: unknown): WorkflowShape | undefined {
  if (!isObject(document)) return undefined;
  const properties = document.properties;
  if (isObject(properties) && isObject(properties.definition)) {
    return typeof document.type === 'string' && document.type === 'Microsoft.Flow/flows' ? 'legacy' : properties.apiId !== undefined ? 'legacy' : 'solution';
  }
  if (isObject(document.actions) || isObject(document.triggers)) return 'definition';
  return undefined;
}
