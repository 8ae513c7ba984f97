import { DOCS, isObject, type Rule } from '../types.js';
import { matchesType } from './type-check.js';

/**
 * `enum` is a non-empty list of unique values of the schema's type (ArrayDuplicateValue);
 * `x-ms-enum-values` entries have a displayName and a value from the enum.
 */
export const enumValid: Rule = {
  id: 'enum-valid',
  severity: 'error',
  description: '`enum` is non-empty, unique and typed like the schema; x-ms-enum-values entries have displayName and a value in the enum',
  docsUrl: DOCS.validator,
  create: ({ report }) => {
    const check = (value: Record<string, unknown>, base: (string | number)[]) => {
      const list = value.enum;
      if (list === undefined) return;
      const path = [...base, 'enum'];
      if (!Array.isArray(list) || list.length === 0) {
        report({ message: '"enum" must list at least one value', path });
        return;
      }
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) report({ message: `enum value ${key} is listed twice`, path: [...path, i] });
        seen.add(key);
        if (typeof value.type === 'string' && !matchesType(item, value.type)) report({ message: `enum value ${key} is not of type "${value.type}"`, path: [...path, i] });
      });
      const named = value['x-ms-enum-values'];
      if (Array.isArray(named)) {
        named.forEach((entry, i) => {
          const at = [...base, 'x-ms-enum-values', i];
          if (!isObject(entry) || typeof entry.displayName !== 'string') report({ message: 'x-ms-enum-values entries need a "displayName"', path: at });
          else if (!list.some((v) => JSON.stringify(v) === JSON.stringify(entry.value))) report({ message: `x-ms-enum-values value ${JSON.stringify(entry.value)} is not in "enum"`, path: at });
        });
      }
    };
    return {
      schema: (node) => check(node.value, node.path),
      parameter: (p) => {
        check(p.value, p.path);
        if (isObject(p.value.items)) check(p.value.items, [...p.path, 'items']);
      },
    };
  },
};
