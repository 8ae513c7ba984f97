import { DOCS, type FlowRule } from '../types.js';

/** "Terminate can't appear inside Foreach and Until loops." */
export const terminateInLoop: FlowRule = {
  id: 'terminate-in-loop',
  severity: 'error',
  description: 'Terminate inside an Apply to each or Do until loop, which the service does not allow',
  docsUrl: DOCS.terminate,
  create: ({ flow, report }) => ({
    action(visit) {
      if (visit.action.type !== 'Terminate') return;
      const loop = flow.ancestors(visit).find((a) => a.action.type === 'Foreach' || a.action.type === 'Until');
      if (loop) report({ message: `Terminate "${visit.name}" is inside loop "${loop.name}": move it after the loop (run it after the loop has Failed)`, path: visit.path });
    },
  }),
};
