import type { PlannedAction } from '../definition/plan.js';
import type { Frame } from '../context/frame.js';
import type { ActionRun } from '../history/action-run.js';
import { failRecord, inputsTemplateOf } from '../run-action.js';
import { mayReadVariables } from '../inputs/templates.js';
import type { CompiledLeaf } from './compiled-graph.js';
import { endLeaf, placeLeaf } from './leaf-record.js';

/** What a Compose's run needs, fixed when it is compiled. */
interface ComposeParts {
  readonly action: PlannedAction;
  readonly template: (context: Frame) => unknown;
  /** Whether the inputs call variables(): only then are array reads settled (ArrayReads). */
  readonly readsVariables: boolean;
}

/**
 * Compose as a leaf run: its outputs are the evaluated inputs (actions/compose.ts), written straight
 * into the record. The hottest action of data loops, so no execution object or outcome check.
 */
export function composeLeaf(action: PlannedAction): CompiledLeaf {
  const parts: ComposeParts = { action, template: inputsTemplateOf(action), readsVariables: mayReadVariables(action.definition.inputs) };
  return {
    run: (frame, record) => runCompose(parts, frame, record),
    step: (frame) => runCompose(parts, frame, placeLeaf(action, frame)),
  };
}

function runCompose(parts: ComposeParts, frame: Frame, record: ActionRun): ActionRun {
  try {
    let value: unknown;
    // Written out here and in variable-leaf.ts / branching.ts on purpose: one shared helper calling
    // the template measured 13% slower on the engine bench (its one call site sees every template).
    if (parts.readsVariables) {
      const reads = frame.run.arrayReads;
      const from = reads.mark();
      value = parts.template(frame);
      reads.settle(from, value);
    } else value = parts.template(frame);
    record.status = 'Succeeded';
    record.inputs = value;
    record.outputs = value;
  } catch (error) {
    failRecord(record, parts.action.name, error);
  }
  return endLeaf(frame, record);
}
