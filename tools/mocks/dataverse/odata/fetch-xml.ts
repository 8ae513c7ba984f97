import { PpkitError } from '../../../core/errors.js';
import { attr, childElements, isElement, parseXml, type XmlElement } from '../../../xml/index.js';
import type { Column, Table } from '../model/table.js';
import { DataverseError, dataverseErrors } from '../store/dataverse-error.js';
import type { OrderBy, QueryRequest } from './query-options.js';


const MAX_FETCH_XML = 64 * 1024;

const invalid = (message: string) => new DataverseError(400, '0x80040203', `Invalid FetchXML: ${message}`);

/**
 * Translates FetchXML (`<fetch top|count|page><entity name><attribute/>|<all-attributes/>
 * <filter type><condition attribute operator value/>…</filter><order/></entity></fetch>`) into
 * the same query an OData request makes. Conditions: eq ne gt ge lt le, null not-null, like
 * not-like, begins-with ends-with (and their not- forms), in not-in, on on-or-after on-or-before.
 * link-entity and aggregates are refused with a clear 400.
 */
export function fetchXmlToQuery(text: string, table: Table): QueryRequest {
  if (text.length > MAX_FETCH_XML) throw invalid(`longer than ${MAX_FETCH_XML} characters`);
  let root: XmlElement;
  try {
    root = parseXml(text).root;
  } catch (error) {
    if (error instanceof PpkitError) throw invalid(error.message);
    throw error;
  }
  if (root.name !== 'fetch') throw invalid(`the root element is <${root.name}>, expected <fetch>`);
  if (attr(root, 'aggregate') === 'true') throw invalid('aggregate queries are not supported by List rows, nor by this emulator');
  const entity = childElements(root, 'entity')[0];
  if (!entity) throw invalid('<fetch> needs an <entity name="..."> element');
  if (attr(entity, 'name') !== table.logicalName) {
    throw invalid(`<entity name="${attr(entity, 'name') ?? ''}"> does not match the entity set's table ${table.logicalName}`);
  }
  const column = (name: string | undefined): Column => {
    const found = name === undefined ? undefined : table.columns.find((c) => c.logicalName === name.toLowerCase());
    if (!found) throw new DataverseError(400, '0x80041103', `'${table.logicalName}' entity doesn't contain attribute with Name = '${name ?? ''}'.`);
    return found;
  };

  const query: QueryRequest & { -readonly [K in keyof QueryRequest]: QueryRequest[K] } = { page: positive(attr(root, 'page'), 'page') ?? 1 };
  const select: string[] = [];
  const orderBy: OrderBy[] = [];
  const filters: string[] = [];
  for (const child of entity.children.filter(isElement)) {
    switch (child.name) {
      case 'attribute':
        select.push(column(attr(child, 'name')).jsonName);
        break;
      case 'all-attributes':
        break;
      case 'order':
        orderBy.push({ property: column(attr(child, 'attribute')).jsonName, descending: attr(child, 'descending') === 'true' });
        break;
      case 'filter':
        filters.push(filterText(child, column));
        break;
      default:
        throw invalid(`<${child.name}> is not supported by this emulator (it handles attribute, all-attributes, order and filter)`);
    }
  }
  const hasAll = entity.children.some((c) => isElement(c) && c.name === 'all-attributes');
  if (select.length > 0 && !hasAll) query.select = select;
  if (orderBy.length > 0) query.orderBy = orderBy;
  const conditions = filters.filter((f) => f !== '');
  if (conditions.length > 0) query.filter = conditions.map((f) => `(${f})`).join(' and ');
  const top = positive(attr(root, 'top'), 'top');
  const count = positive(attr(root, 'count'), 'count');
  if (top !== undefined && count !== undefined) throw invalid('top and count cannot be used together');
  if (top !== undefined) query.top = top;
  if (count !== undefined) query.maxPageSize = count;
  return query;
}

function positive(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw invalid(`${name}="${value}" must be a positive whole number`);
  return Number(value);
}

function filterText(filter: XmlElement, column: (name: string | undefined) => Column): string {
  const joiner = attr(filter, 'type') === 'or' ? ' or ' : ' and ';
  const parts = filter.children.filter(isElement).map((child) => {
    if (child.name === 'filter') return filterText(child, column);
    if (child.name === 'condition') return conditionText(child, column(attr(child, 'attribute')));
    throw invalid(`<${child.name}> inside <filter>; expected <condition> or <filter>`);
  });
  return parts.filter((p) => p !== '').map((p) => `(${p})`).join(joiner);
}

function conditionText(condition: XmlElement, column: Column): string {
  const operator = attr(condition, 'operator') ?? '';
  const name = column.jsonName;
  const value = () => {
    const given = attr(condition, 'value');
    if (given === undefined) throw invalid(`the ${operator} condition on ${column.logicalName} needs value="..."`);
    return given;
  };
  const literal = (text: string) => literalFor(column, text);
  const like = (pattern: string) => {
    const inner = pattern.replace(/^%/, '').replace(/%$/, '');
    const quoted = quote(inner);
    if (pattern.startsWith('%') && pattern.endsWith('%') && pattern.length > 1) return `contains(${name},${quoted})`;
    if (pattern.endsWith('%')) return `startswith(${name},${quoted})`;
    if (pattern.startsWith('%')) return `endswith(${name},${quoted})`;
    return `${name} eq ${quoted}`;
  };
  switch (operator) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return `${name} ${operator} ${literal(value())}`;
    case 'null':
      return `${name} eq null`;
    case 'not-null':
      return `${name} ne null`;
    case 'like':
      return like(value());
    case 'not-like':
      return `not (${like(value())})`;
    case 'begins-with':
      return `startswith(${name},${quote(value())})`;
    case 'not-begin-with':
      return `not startswith(${name},${quote(value())})`;
    case 'ends-with':
      return `endswith(${name},${quote(value())})`;
    case 'not-end-with':
      return `not endswith(${name},${quote(value())})`;
    case 'in':
    case 'not-in': {
      const values = childElements(condition, 'value').map((v) => v.children.filter((c): c is string => typeof c === 'string').join(''));
      if (values.length === 0) throw invalid(`the ${operator} condition on ${column.logicalName} needs <value> elements`);
      const any = values.map((v) => `${name} eq ${literal(v)}`).join(' or ');
      return operator === 'in' ? any : `not (${any})`;
    }
    case 'on':
    case 'on-or-after':
    case 'on-or-before': {
      const day = value().slice(0, 10);
      const next = nextDay(day);
      if (operator === 'on') return `${name} ge ${quote(day)} and ${name} lt ${quote(next)}`;
      return operator === 'on-or-after' ? `${name} ge ${quote(day)}` : `${name} lt ${quote(next)}`;
    }
    default:
      throw invalid(`the condition operator '${operator}' is not supported by this emulator`);
  }
}

function nextDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) throw dataverseErrors.querySyntax(`'${day}' is not a date.`);
  return new Date(time + 86_400_000).toISOString().slice(0, 10);
}

/** A FetchXML value as an OData literal of the column's type. */
function literalFor(column: Column, text: string): string {
  switch (column.kind.name) {
    case 'int':
    case 'bigint':
    case 'decimal':
    case 'float':
    case 'choice':
      if (!/^-?\d+(\.\d+)?$/.test(text.trim())) throw invalid(`'${text}' is not a number for ${column.logicalName}`);
      return text.trim();
    case 'bool':
      return text === '1' || text.toLowerCase() === 'true' ? 'true' : 'false';
    default:
      return quote(text);
  }
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
