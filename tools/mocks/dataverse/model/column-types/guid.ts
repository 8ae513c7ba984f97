import { normalisedTextKind } from './kind.js';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lowercase GUID without braces, or undefined. Dataverse accepts `{...}` and any case on input. */
export function normaliseGuid(text: string): string | undefined {
  const bare = text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  return GUID_PATTERN.test(bare) ? bare.toLowerCase() : undefined;
}

/** Unique identifier columns (primary keys) and lookups (`_x_value`, a GUID). */
export const guidKindInstance = normalisedTextKind({ name: 'guid', edmType: 'Edm.Guid', normalise: normaliseGuid, literalTypes: ['guid', 'string'] });
// The docs quote lookups (`_owninguser_value eq '<guid>'`), OData 4 does not: both literal forms are accepted.
export const lookupKind = normalisedTextKind({ name: 'lookup', edmType: 'Edm.Guid', normalise: normaliseGuid, literalTypes: ['guid', 'string'] });
