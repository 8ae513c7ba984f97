import { dataverseErrors } from '../store/dataverse-error.js';

/** Dataverse's default and largest page size. */
export const MAX_PAGE_SIZE = 5000;

export interface OrderBy {
  property: string;
  descending: boolean;
}

/** What a GET on a collection asks for, before it is checked against the table. */
export interface QueryRequest {
  select?: readonly string[];
  filter?: string;
  orderBy?: readonly OrderBy[];
  top?: number;
  count?: boolean;
  /** `Prefer: odata.maxpagesize`; above 5,000 the service uses 5,000. */
  maxPageSize?: number;
  skipToken?: string;
  /** Single-valued navigation properties to expand, with their own $select. */
  expand?: readonly ExpandRequest[];
  /** FetchXML (`?fetchXml=`), translated by the route into the options above. */
  fetchXml?: string;
  /** 1-based page number for position paging (FetchXML `page`). */
  page?: number;
}

export interface ExpandRequest {
  navigation: string;
  select?: readonly string[];
}

const SUPPORTED = new Set(['$select', '$filter', '$orderby', '$top', '$count', '$skiptoken', '$expand']);

/** Reads the system query options of a URL (`?$select=a,b&$filter=...`). */
export function parseQueryOptions(search: URLSearchParams, allowed: ReadonlySet<string> = SUPPORTED): QueryRequest {
  const request: QueryRequest & { -readonly [K in keyof QueryRequest]: QueryRequest[K] } = {};
  for (const [name, value] of search) {
    if (name === 'fetchXml' && allowed.has('$filter')) {
      request.fetchXml = value;
      continue;
    }
    if (!name.startsWith('$')) continue;
    const option = name.toLowerCase();
    if (!allowed.has(option)) throw dataverseErrors.querySyntax(`The query parameter ${name} is not supported`);
    switch (option) {
      case '$select':
        request.select = parseSelect(value);
        break;
      case '$filter':
        request.filter = value;
        break;
      case '$orderby':
        request.orderBy = parseOrderBy(value);
        break;
      case '$top':
        if (!/^\d+$/.test(value) || Number(value) < 1) throw dataverseErrors.querySyntax(`Invalid value '${value}' for $top query option found. The $top query option requires a positive integer value.`);
        request.top = Number(value);
        break;
      case '$count':
        if (value !== 'true' && value !== 'false') throw dataverseErrors.querySyntax(`'${value}' is not a valid count option.`);
        request.count = value === 'true';
        break;
      case '$skiptoken':
        request.skipToken = value;
        break;
      case '$expand':
        request.expand = parseExpand(value);
        break;
    }
  }
  return request;
}

export function parseSelect(value: string): string[] {
  const names = value.split(',').map((n) => n.trim());
  if (names.some((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))) throw dataverseErrors.querySyntax(`Syntax error in $select '${value}': expected column names separated by commas.`);
  return names;
}

export function parseOrderBy(value: string): OrderBy[] {
  return value.split(',').map((part) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw dataverseErrors.querySyntax(`Syntax error in $orderby '${value}': expected column [asc|desc] separated by commas.`);
    return { property: match[1]!, descending: match[2]?.toLowerCase() === 'desc' };
  });
}

/** `Lookup($select=a,b)` items, comma-separated outside parentheses. */
export function parseExpand(value: string): ExpandRequest[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$/.exec(item);
    if (!match) throw dataverseErrors.querySyntax(`Syntax error in $expand '${value}'.`);
    const options = (match[2] ?? '').split(';').filter((o) => o.trim() !== '');
    let select: string[] | undefined;
    for (const option of options) {
      const at = option.indexOf('=');
      const name = option.slice(0, at).trim().toLowerCase();
      if (name !== '$select') throw dataverseErrors.querySyntax(`The $expand option ${option.slice(0, at).trim()} is not supported by this emulator; use $select.`);
      select = parseSelect(option.slice(at + 1));
    }
    return { navigation: match[1]!, select };
  });
}

/** `Prefer: odata.maxpagesize=N, return=representation, odata.include-annotations="*"`. */
export interface Preferences {
  maxPageSize?: number;
  returnRepresentation: boolean;
  includeAnnotations?: string;
}

const parsedPreferences = new Map<string, Readonly<Preferences>>();

/** The preferences of a Prefer header; a client sends the same few headers on every request, so they are parsed once. */
export function parsePrefer(header: string | undefined): Readonly<Preferences> {
  const text = header ?? '';
  let preferences = parsedPreferences.get(text);
  if (!preferences) {
    preferences = Object.freeze(readPreferences(text));
    if (parsedPreferences.size >= 200) parsedPreferences.clear();
    parsedPreferences.set(text, preferences);
  }
  return preferences;
}

function readPreferences(header: string): Preferences {
  const preferences: Preferences = { returnRepresentation: false };
  for (const raw of header.split(',')) {
    const [name, ...rest] = raw.trim().split('=');
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    switch (name?.trim().toLowerCase()) {
      case 'odata.maxpagesize':
        if (/^\d+$/.test(value) && Number(value) > 0) preferences.maxPageSize = Number(value);
        break;
      case 'return':
        preferences.returnRepresentation = value === 'representation';
        break;
      case 'odata.include-annotations':
        preferences.includeAnnotations = value;
        break;
    }
  }
  return preferences;
}
