import { isObject, type WdlAction, type WdlDefinition } from '../../wdl/types.js';
import { NESTED_ACTION_KEYS, visitActions, type ActionVisit } from '../../wdl/walk.js';
import { collectExpressionSites, type ExpressionSite } from './expressions.js';

/** A trigger of the flow with its JSON path. */
export interface TriggerVisit {
  name: string;
  trigger: WdlAction;
  path: (string | number)[];
}

/**
 * Where a workflow file keeps its pieces: a solution export, a legacy package definition.json, a bare
 * definition, or `{definition: {...}}` (Logic Apps Standard workflow.json, ARM-style exports): the
 * same three layouts the engine's loader (`workflowFromJson`) runs.
 */
export type WorkflowShape = 'solution' | 'legacy' | 'definition' | 'wrapped';

/**
 * One flow, indexed once for every rule: its actions with their containers, triggers, connection
 * references, parameters, and every expression parsed.
 */
export class FlowModel {
  readonly actions: ActionVisit[] = [];
  readonly byName = new Map<string, ActionVisit[]>();
  /** Lower-cased action name -> the name as declared (the first one): the service matches names in expressions case-insensitively. */
  private readonly byLowerName = new Map<string, string>();
  readonly triggers: TriggerVisit[] = [];
  readonly definition: WdlDefinition;
  /** JSON path of `definition` in the file. */
  readonly definitionPath: (string | number)[];
  /** Connection reference keys (`properties.connectionReferences`), with the path of that object. */
  readonly connectionReferences: Map<string, Record<string, unknown>>;
  readonly connectionReferencesPath: (string | number)[] | undefined;
  private readonly sitesByOwner = new Map<string, ExpressionSite[]>();
  private readonly predecessorCache = new Map<ActionVisit, Set<string>>();
  private descendantsCache = new Map<ActionVisit, ActionVisit[]>();
  /** Each action map's members by name, to find a predecessor's visit without scanning every action. */
  private readonly bySiblings = new Map<object, Map<string, ActionVisit>>();

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
    } else if (shape === 'wrapped') {
      this.definitionPath = ['definition'];
      this.definition = doc.definition as WdlDefinition;
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
      let members = this.bySiblings.get(visit.siblings);
      if (!members) this.bySiblings.set(visit.siblings, (members = new Map()));
      members.set(visit.name, visit);
      for (let p = visit.parent; p; p = p.parent) {
        const list = this.descendantsCache.get(p) ?? [];
        list.push(visit);
        this.descendantsCache.set(p, list);
      }
      const list = this.byName.get(visit.name) ?? [];
      list.push(visit);
      this.byName.set(visit.name, list);
      if (!this.byLowerName.has(visit.name.toLowerCase())) this.byLowerName.set(visit.name.toLowerCase(), visit.name);
    }, [...this.definitionPath, 'actions']);
  }

  /** Whether this document has any flow structure at all. */
  get hasDefinition(): boolean {
    return isObject(this.definition.actions) || isObject(this.definition.triggers);
  }

  /**
   * The declared name of the action an expression names, matched as the service does: exactly, else
   * ignoring case (pnp's Task2Calendar solution export reads `body('get_default_calendar_id')` from
   * the action `Get_default_calendar_id`; the service saved and ran it).
   */
  declaredName(name: string): string | undefined {
    return this.byName.has(name) ? name : this.byLowerName.get(name.toLowerCase());
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
    return this.descendantsCache.get(container) ?? [];
  }

  /**
   * Whether action `name` can have finished before `visit` starts: it is (or is nested in) a
   * runAfter predecessor, direct or transitive, of `visit` or of a container around `visit`.
   * Otherwise it either does not exist or cannot have run yet.
   */
  hasRunBefore(visit: ActionVisit, name: string): boolean {
    const target = this.byName.get(name)?.[0];
    if (!target) return false;
    const targetChain: ActionVisit[] = [];
    for (let t: ActionVisit | undefined = target; t; t = t.parent) targetChain.push(t);
    for (let level: ActionVisit | undefined = visit; level; level = level.parent) {
      const predecessors = this.predecessors(level);
      for (const t of targetChain) if (t.siblings === level.siblings && predecessors.has(t.name)) return true;
    }
    return false;
  }

  /**
   * Transitive runAfter predecessors of an action in its own action map, memoised. Iterative, so a
   * hostile chain of thousands of actions cannot overflow the stack; cycles are tolerated.
   */
  predecessors(visit: ActionVisit): Set<string> {
    const cached = this.predecessorCache.get(visit);
    if (cached) return cached;
    const members = this.bySiblings.get(visit.siblings);
    const direct = (v: ActionVisit) =>
      Object.keys(runAfterOf(v.action))
        .map((name) => members?.get(name))
        .filter((p): p is ActionVisit => p !== undefined && p !== v);
    const inProgress = new Set<ActionVisit>();
    const stack: ActionVisit[] = [visit];
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!;
      if (this.predecessorCache.has(current)) {
        stack.pop();
        continue;
      }
      const pending = inProgress.has(current) ? [] : direct(current).filter((p) => !this.predecessorCache.has(p) && !inProgress.has(p));
      if (pending.length > 0) {
        inProgress.add(current);
        stack.push(...pending);
        continue;
      }
      const names = new Set<string>();
      for (const predecessor of direct(current)) {
        names.add(predecessor.name);
        for (const further of this.predecessorCache.get(predecessor) ?? []) names.add(further);
      }
      names.delete(current.name);
      this.predecessorCache.set(current, names);
      inProgress.delete(current);
      stack.pop();
    }
    return this.predecessorCache.get(visit)!;
  }
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
  // The engine's order: properties.definition, then a top-level definition, then the document itself.
  if (isObject(document.definition) && (isObject(document.definition.actions) || isObject(document.definition.triggers))) return 'wrapped';
  if (isObject(document.actions) || isObject(document.triggers)) return 'definition';
  return undefined;
}
