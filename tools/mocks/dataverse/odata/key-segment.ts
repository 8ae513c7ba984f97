import { normaliseGuid } from '../model/column-types/guid.js';
import type { FilterLiteral } from '../model/column-types/index.js';
import { dataverseErrors } from '../store/dataverse-error.js';
import { tokenizeFilter } from './filter-tokens.js';

/** The key of one row: its GUID, or alternate-key values by property name as written in the URL. */
export type RecordKey = string | Readonly<Record<string, FilterLiteral>>;

/**
 * Parses the inside of `entityset(...)`: a GUID (`accounts(00000000-...)`) or alternate key
 * values (`contacts(firstname='Joe',emailaddress1='a@b.c')`, `accounts(_primarycontactid_value=<guid>)`).
 */
export function parseKeySegment(text: string): RecordKey {
  const guid = normaliseGuid(text.trim());
  if (guid) return guid;
  const values: Record<string, FilterLiteral> = Object.create(null) as Record<string, FilterLiteral>;
  const bad = (): never => {
    throw dataverseErrors.querySyntax(`Bad Request - Error in query syntax: the key '${text}' is neither a GUID nor name=value pairs.`);
  };
  // name=literal pairs separated by commas outside quotes.
  for (const pair of splitOutsideQuotes(text, ',')) {
    const at = pair.indexOf('=');
    if (at <= 0) bad();
    const name = pair.slice(0, at).trim();
    const literalText = pair.slice(at + 1).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || literalText === '') bad();
    const [token, end] = tokenizeFilter(literalText);
    if (!token || end?.type !== 'end') bad();
    values[name] = toLiteral(token!.type, token!.text) ?? bad();
  }
  return values;
}

function toLiteral(type: string, text: string): FilterLiteral | undefined {
  switch (type) {
    case 'string':
    case 'guid':
    case 'datetime':
    case 'date':
      return { kind: 'literal', type, value: text, text };
    case 'number':
      return { kind: 'literal', type: 'number', value: Number(text), text };
    case 'word':
      if (text === 'true' || text === 'false') return { kind: 'literal', type: 'boolean', value: text === 'true', text };
      if (text === 'null') return { kind: 'literal', type: 'null', value: null, text };
      return undefined;
    default:
      return undefined;
  }
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}
