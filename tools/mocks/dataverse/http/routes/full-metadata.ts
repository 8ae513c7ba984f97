import type { Row } from '../../store/dataverse-store.js';
import type { Table } from '../../model/table.js';
import { header, type DataverseRequest, type RouteContext } from '../exchange.js';
import { entityUrl } from './context-url.js';

/**
 * `Accept: application/json;odata.metadata=full`: each row also carries `@odata.type`, `@odata.id`
 * and `@odata.editLink` (the Dataverse connector asks for them: its outputs hold `@odata.id`, which
 * flows pass to "Relate rows"). Navigation links of full metadata are left out.
 */
export function rowDecorator(request: DataverseRequest, context: RouteContext, entitySet: string): ((row: Row) => Row) | undefined {
  if (!/odata\.metadata=full/i.test(header(request, 'accept') ?? '')) return undefined;
  const table = context.store.table(entitySet);
  return (row) => withFullMetadata(context, table, row);
}

function withFullMetadata(context: RouteContext, table: Table, row: Row): Row {
  const id = row[table.primaryId.logicalName];
  if (id === null || id === undefined) return row;
  return {
    '@odata.type': `#Microsoft.Dynamics.CRM.${table.logicalName}`,
    '@odata.id': entityUrl(context, table.entitySetName, String(id)),
    ...(row['@odata.etag'] === undefined ? {} : { '@odata.etag': row['@odata.etag'] }),
    '@odata.editLink': `${table.entitySetName}(${String(id)})`,
    ...row,
  };
}
