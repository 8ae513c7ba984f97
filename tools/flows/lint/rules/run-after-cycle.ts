import { isObject, type WdlAction } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';
import { runAfterOf } from '../model/flow-model.js';

/** Actions of one scope whose runAfter links form a loop can never start. Reported once per cycle. */
export const runAfterCycle: FlowRule = {
  id: 'run-after-cycle',
  severity: 'error',
  description: 'runAfter links of actions in one scope form a cycle, so none of them can start',
  docsUrl: DOCS.runAfter,
  create: ({ flow, report }) => {
    const checkedMaps = new Set<Record<string, WdlAction>>();
    return {
      action(visit) {
        if (checkedMaps.has(visit.siblings)) return;
        checkedMaps.add(visit.siblings);
        for (const cycle of findCycles(visit.siblings)) {
          const first = flow.actions.find((a) => a.siblings === visit.siblings && a.name === cycle[0]);
          if (!first) continue;
          report({ message: `runAfter cycle: ${[...cycle, cycle[0]].join(' -> ')}`, path: [...first.path, 'runAfter'] });
        }
      },
    };
  },
};

/** Cycles in the runAfter graph of one action map (Tarjan's strongly connected components). */
function findCycles(actions: Record<string, WdlAction>): string[][] {
  const names = Object.keys(actions).filter((n) => isObject(actions[n]));
  const edges = (name: string) => Object.keys(runAfterOf(actions[name]!)).filter((p) => p in actions && p !== name);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const connect = (name: string) => {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
    for (const next of edges(name)) {
      if (!index.has(next)) {
        connect(next);
        low.set(name, Math.min(low.get(name)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(name, Math.min(low.get(name)!, index.get(next)!));
      }
    }
    if (low.get(name) === index.get(name)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== name);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const name of names) if (!index.has(name)) connect(name);
  return cycles;
}
