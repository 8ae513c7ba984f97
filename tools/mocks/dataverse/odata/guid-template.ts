import type { StorageValue } from '../model/column-types/index.js';
import type { SqlFragment } from './filter-sql.js';

/**
 * A $filter with its GUID literals taken out, so that one compiled SQL condition serves every
 * filter of the same form: a flow's "is this record stored yet" lookup (`<id column> eq <guid>`)
 * comes once per record with a new GUID, and parsing each one again cost more than the query.
 */
export interface GuidTemplate {
  /** The filter with the i-th GUID replaced by `sentinel(i)`: the cache key of the compiled form. */
  text: string;
  guids: string[];
}

/** Where the GUIDs go in a compiled template's parameters. */
export interface TemplatedFragment {
  sql: string;
  params: readonly StorageValue[];
  /** Per parameter slot filled from a GUID: the slot, the GUID's index, and whether it is stored lower-cased. */
  slots: ReadonlyArray<{ param: number; guid: number; lower: boolean }>;
}

// A GUID token as the filter tokenizer reads one: not glued to a word, number or path before it,
// nothing but a separator after it.
const GUID_TOKEN = /(?<![\w.\-/])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/g;
const MAX_GUIDS = 16;

/**
 * The i-th stand-in: a valid GUID in mixed case, so the compiled parameters show whether a column
 * kept the literal as written or lower-cased it (any other change, and the template is not used).
 */
function sentinel(index: number): string {
  return `AbCdEf01-AbCd-4bCd-8bCd-${index.toString(16).padStart(12, '0')}`;
}
const SENTINEL_MARK = /abcdef01-abcd-4bcd-8bcd-/i;

/**
 * The template of a filter, or undefined when it has no GUID outside string literals (or holds
 * the stand-in text itself). Text inside quotes is left as it is: a GUID there is a string value.
 */
export function guidTemplate(filter: string): GuidTemplate | undefined {
  if (SENTINEL_MARK.test(filter)) return undefined;
  const guids: string[] = [];
  const replace = (guid: string) => {
    guids.push(guid);
    return sentinel(guids.length - 1);
  };
  let text: string;
  if (!filter.includes("'")) text = filter.replace(GUID_TOKEN, replace);
  else {
    // Between quotes (odd pieces) is string content; an escaped quote ('') gives an empty even piece, harmless.
    const pieces = filter.split("'");
    for (let i = 0; i < pieces.length; i += 2) pieces[i] = pieces[i]!.replace(GUID_TOKEN, replace);
    text = pieces.join("'");
  }
  if (guids.length === 0 || guids.length > MAX_GUIDS) return undefined;
  return { text, guids };
}

/**
 * Where each stand-in landed in the compiled template, or undefined when the template cannot be
 * reused safely: a stand-in changed in some other way than lower-casing, reached the SQL text, sits
 * inside a longer parameter, or left no parameter at all.
 */
export function templateSlots(template: GuidTemplate, compiled: SqlFragment): TemplatedFragment | undefined {
  if (SENTINEL_MARK.test(compiled.sql)) return undefined;
  const slots: { param: number; guid: number; lower: boolean }[] = [];
  const used = new Set<number>();
  for (let param = 0; param < compiled.params.length; param++) {
    const value = compiled.params[param];
    if (typeof value !== 'string' || !SENTINEL_MARK.test(value)) continue;
    const guid = template.guids.findIndex((_, i) => value === sentinel(i) || value === sentinel(i).toLowerCase());
    if (guid < 0) return undefined;
    slots.push({ param, guid, lower: value !== sentinel(guid) });
    used.add(guid);
  }
  if (used.size !== template.guids.length) return undefined;
  return { sql: compiled.sql, params: compiled.params, slots };
}

/** The compiled condition of one filter of the template's form: its own GUIDs in their slots. */
export function fillTemplate(fragment: TemplatedFragment, guids: readonly string[]): SqlFragment {
  const params = fragment.params.slice();
  for (const slot of fragment.slots) {
    const guid = guids[slot.guid]!;
    params[slot.param] = slot.lower ? guid.toLowerCase() : guid;
  }
  return { sql: fragment.sql, params };
}
