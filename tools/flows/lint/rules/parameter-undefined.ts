import { isObject } from '../../wdl/types.js';
import { DOCS, type FlowRule } from '../types.js';

/**
 * parameters('X') where the definition declares no parameter X: in a solution flow this is an
 * environment variable referenced but not defined (the designer names them "<Display> (<schema>)").
 */
export const parameterUndefined: FlowRule = {
  id: 'parameter-undefined',
  severity: 'error',
  description: "parameters('X') names a parameter (environment variable) the flow definition does not define",
  docsUrl: DOCS.environmentVariables,
  create: ({ flow, report }) => {
    const declared = isObject(flow.definition.parameters) ? Object.keys(flow.definition.parameters) : [];
    return {
      call(call) {
        if (call.name.toLowerCase() !== 'parameters' || call.literalArg === undefined) return;
        // $connections and $authentication are the platform's own parameters.
        if (declared.includes(call.literalArg) || call.literalArg === '$connections' || call.literalArg === '$authentication') return;
        const schemaLike = /\(([A-Za-z0-9_]+)\)$/.exec(call.literalArg)?.[1];
        const sameSchema = schemaLike ? declared.find((d) => d.endsWith(`(${schemaLike})`)) : undefined;
        const hint = sameSchema ? ` (did you mean '${sameSchema}'?)` : '';
        report({ message: `parameters('${call.literalArg}') is not defined in the flow's parameters${hint}`, path: call.site.path, column: call.column });
      },
    };
  },
};
