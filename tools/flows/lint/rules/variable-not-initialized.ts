import type { ActionVisit } from '../../wdl/walk.js';
import { isObject } from '../../wdl/types.js';
import { canHaveRun } from '../model/references.js';
import { VARIABLE_WRITERS, variableDeclarations } from '../model/variables.js';
import { DOCS, type ExpressionOwner, type FlowRule } from '../types.js';

/** variables('v') or a Set/Increment/Append action on a variable that no InitializeVariable before it declares. */
export const variableNotInitialized: FlowRule = {
  id: 'variable-not-initialized',
  severity: 'error',
  description: 'a variable is read or written before an Initialize variable action declares it',
  docsUrl: DOCS.variables,
  create: ({ flow, report }) => {
    const declarations = variableDeclarations(flow);
    const check = (name: string, owner: ExpressionOwner, path: (string | number)[], column?: number) => {
      const initializers = declarations.get(name.toLowerCase());
      if (!initializers) {
        report({ message: `variable '${name}' is never initialized: add an Initialize variable action at the top level before its first use`, path, column });
        return;
      }
      if (initializers.some((init) => canHaveRun(flow, owner, init.name, path))) return;
      report({
        message: `variable '${name}' is used before "${initializers[0]!.name}" initializes it (make the use run after it)`,
        path,
        column,
      });
    };
    return {
      call(call, owner) {
        if (call.name.toLowerCase() !== 'variables' || call.literalArg === undefined) return;
        check(call.literalArg, owner, call.site.path, call.column);
      },
      action(visit: ActionVisit) {
        if (!VARIABLE_WRITERS.has(String(visit.action.type)) || !isObject(visit.action.inputs)) return;
        const name = visit.action.inputs.name;
        if (typeof name === 'string' && !name.startsWith('@')) check(name, { kind: 'action', visit }, [...visit.path, 'inputs', 'name']);
      },
    };
  },
};
