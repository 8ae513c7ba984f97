import type { Row } from '../../store/dataverse-store.js';
import type { Table } from '../../model/table.js';
import { header, type DataverseRequest, type RouteContext } from '../exchange.js';
import { entityUrl } from './context-url.js';

/**
 * `Accept: application/json;odata.metadata=full`: each row also carries `@odata.type`, `@odata.id`
 * and `@odata.editLink` (the Dataverse connector asks for them: its outputs hold `@odata.id`, which
 * flows pass to "Relate rows"). Navigation links of full metadata are left out.
 */
export function rowDecorator(request: DataverseRequest, context: RouteContext, entitySet: string): RowDecorator | undefined {
  if (!/odata\.metadata=full/i.test(header(request, 'accept') ?? '')) return undefined;
  const table = context.store.table(entitySet);
  return (row, into) => withFullMetadata(context, table, row, into);
}

/** Adds full metadata to a row, written into `into` (after what it holds) or a new object. */
export type RowDecorator = (row: Row, into?: Row) => Row;

/** One row at top level: `@odata.context` first, then the (decorated) row. */
export function entityBody(contextUrl: string, row: Row, decorate: RowDecorator | undefined): Row {
  const body: Row = { '@odata.context': contextUrl };
  return decorate ? decorate(row, body) : copyInto(body, row);
}

// Properties are copied by assignment, not spread: the same order and values, without V8's slow path for spreads.
function withFullMetadata(context: RouteContext, table: Table, row: Row, into: Row = {}): Row {
  const id = row[table.primaryId.logicalName];
  if (id === null || id === undefined) return copyInto(into, row);
  into['@odata.type'] = `#Microsoft.Dynamics.CRM.${table.logicalName}`;
  into['@odata.id'] = entityUrl(context, table.entitySetName, String(id));
  if (row['@odata.etag'] !== undefined) into['@odata.etag'] = row['@odata.etag'];
  into['@odata.editLink'] = `${table.entitySetName}(${String(id)})`;
  return copyInto(into, row);
}

function copyInto(target: Row, source: Row): Row {
  for (const key in source) target[key] = source[key];
  return target;
}
