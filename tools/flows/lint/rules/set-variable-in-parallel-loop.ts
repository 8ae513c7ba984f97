import { isObject } from '../../wdl/types.js';
import type { ActionVisit } from '../../wdl/walk.js';
import { DOCS, type FlowRule } from '../types.js';

/**
 * SetVariable inside an Apply to each whose iterations run in parallel: iterations overwrite each
 * other's value ("might create unexpected results"). Increment and Append are safe once the loop ends.
 */
export const setVariableInParallelLoop: FlowRule = {
  id: 'set-variable-in-parallel-loop',
  severity: 'error',
  description: 'Set variable inside an Apply to each that runs iterations in parallel (a race between iterations)',
  docsUrl: DOCS.loops,
  create: ({ flow, report }) => ({
    action(visit) {
      if (visit.action.type !== 'SetVariable') return;
      const loop = flow.ancestors(visit).find(isParallelForeach);
      if (!loop) return;
      const name = isObject(visit.action.inputs) ? visit.action.inputs.name : undefined;
      report({
        message: `"${visit.name}" sets variable '${String(name)}' inside "${loop.name}", whose iterations run in parallel (concurrency ${parallelism(loop)}): set concurrency to 1 or use a Compose inside the loop`,
        path: visit.path,
      });
    },
  }),
};

/** Degree of parallelism a Foreach declares; undefined when it does not say (Power Automate then runs one at a time). */
function parallelism(loop: ActionVisit): number | string | undefined {
  const configuration = loop.action.runtimeConfiguration;
  const concurrency = isObject(configuration) && isObject(configuration.concurrency) ? configuration.concurrency.repetitions : undefined;
  return typeof concurrency === 'number' || typeof concurrency === 'string' ? concurrency : undefined;
}

function isParallelForeach(visit: ActionVisit): boolean {
  if (visit.action.type !== 'Foreach') return false;
  if (typeof visit.action.operationOptions === 'string' && /\bSequential\b/i.test(visit.action.operationOptions)) return false;
  const repetitions = parallelism(visit);
  return repetitions !== undefined && repetitions !== 1 && repetitions !== '1';
}
