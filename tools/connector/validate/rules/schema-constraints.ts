import { DOCS, type Rule } from '../types.js';
import { matchesType } from './type-check.js';

/** `default` fits `type` (DefaultValueMustMatchType); minimum <= maximum, minLength <= maxLength; `pattern` compiles. */
export const schemaConstraints: Rule = {
  id: 'schema-constraints',
  severity: 'error',
  description: '`default` matches `type` (DefaultValueMustMatchType), min <= max, `pattern` is a valid regular expression',
  docsUrl: DOCS.validator,
  create: ({ report }) => {
    const check = (value: Record<string, unknown>, base: (string | number)[]) => {
      if (value.default !== undefined && typeof value.type === 'string' && value.type !== 'file' && !matchesType(value.default, value.type)) {
        report({ message: `default ${JSON.stringify(value.default)} is not of type "${value.type}"`, path: [...base, 'default'] });
      }
      for (const [low, high] of [['minimum', 'maximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems']] as const) {
        if (typeof value[low] === 'number' && typeof value[high] === 'number' && (value[low] as number) > (value[high] as number)) {
          report({ message: `${low} ${String(value[low])} is greater than ${high} ${String(value[high])}`, path: [...base, low] });
        }
      }
      if (typeof value.pattern === 'string') {
        try {
          new RegExp(value.pattern, 'u');
        } catch {
          try {
            new RegExp(value.pattern);
          } catch {
            report({ message: `pattern ${JSON.stringify(value.pattern)} is not a valid regular expression`, path: [...base, 'pattern'] });
          }
        }
      }
    };
    return { schema: (node) => check(node.value, node.path), parameter: (p) => check(p.value, p.path) };
  },
};
