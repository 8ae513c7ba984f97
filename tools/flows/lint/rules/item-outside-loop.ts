import { DOCS, type ExpressionOwner, type FlowRule } from '../types.js';
import type { FlowModel } from '../model/flow-model.js';

/** Inputs of data operations evaluated once per item of their `from` array, where item() is that item. */
const PER_ITEM_INPUTS: Record<string, string[]> = { Query: ['where'], Select: ['select'], Table: ['columns'] };

/**
 * item() outside an Apply to each (or a Filter array / Select / Create table row expression),
 * items('X') where X is not an Apply to each around the expression, iterationIndexes('X') where X
 * is not an enclosing Do until: the service rejects all three on save.
 */
export const itemOutsideLoop: FlowRule = {
  id: 'item-outside-loop',
  severity: 'error',
  description: "item() outside a loop, items('X') / iterationIndexes('X') naming a loop that does not enclose the expression",
  docsUrl: DOCS.workflowFunctions,
  create: ({ flow, report }) => ({
    call(call, owner) {
      const name = call.name.toLowerCase();
      const at = { path: call.site.path, column: call.column };
      if (name === 'item' && call.args.length === 0) {
        if (!hasCurrentItem(flow, owner, call.site.path)) report({ message: 'item() is used outside an Apply to each loop (or a Filter array / Select expression)', ...at });
      } else if ((name === 'items' || name === 'iterationindexes') && call.literalArg !== undefined) {
        const wanted = name === 'items' ? 'Foreach' : 'Until';
        const loops = owner.kind === 'action' ? flow.ancestors(owner.visit).filter((a) => a.action.type === wanted) : [];
        // Loop names match ignoring case, like action names in body('X') (see FlowModel.declaredName).
        if (loops.some((l) => l.name.toLowerCase() === call.literalArg!.toLowerCase())) return;
        const kind = wanted === 'Foreach' ? 'Apply to each' : 'Do until';
        const around = loops.length > 0 ? ` (loops around it: ${loops.map((l) => l.name).join(', ')})` : '';
        report({ message: `${call.name}('${call.literalArg}') must name a ${kind} loop around this expression${around}`, ...at });
      }
    },
  }),
};

function hasCurrentItem(flow: FlowModel, owner: ExpressionOwner, path: (string | number)[]): boolean {
  if (owner.kind === 'trigger') return false;
  const visit = owner.visit;
  if (flow.ancestors(visit).some((a) => a.action.type === 'Foreach')) return true;
  const perItem = PER_ITEM_INPUTS[String(visit.action.type)];
  const inputKey = path[visit.path.length] === 'inputs' ? path[visit.path.length + 1] : undefined;
  return perItem !== undefined && typeof inputKey === 'string' && perItem.includes(inputKey);
}
