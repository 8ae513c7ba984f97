import { cannotConvert, type ColumnKind } from './kind.js';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lowercase GUID without braces, or undefined. Dataverse accepts `{...}` and any case on input. */
export function normaliseGuid(text: string): string | undefined {
  const bare = text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  return GUID_PATTERN.test(bare) ? bare.toLowerCase() : undefined;
}

function guidKind(name: 'guid' | 'lookup'): ColumnKind {
  return {
    name,
    edmType: 'Edm.Guid',
    sqlType: 'TEXT',
    toStorage(value) {
      if (value === null) return null;
      const guid = typeof value === 'string' ? normaliseGuid(value) : undefined;
      if (guid === undefined) throw cannotConvert(value, 'Edm.Guid');
      return guid;
    },
    fromStorage: (value) => value,
    // The docs quote lookups (`_owninguser_value eq '<guid>'`), OData 4 does not: accept both.
    fromLiteral: (literal) => (literal.type === 'guid' || literal.type === 'string' ? normaliseGuid(String(literal.value)) : undefined),
  };
}

/** Unique identifier columns (primary keys) and lookups (`_x_value`, a GUID). */
export const guidKindInstance = guidKind('guid');
export const lookupKind = guidKind('lookup');
