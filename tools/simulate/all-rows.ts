import type { DataverseStore, QueryRequest } from '../mocks/dataverse/index.js';

/**
 * Every row of a table, page after page: a Dataverse query (and `$count`) stops at 5,000 rows, as
 * the real service does, but the ground truth check must see them all.
 */
export function allRows(store: DataverseStore, entitySet: string, request: Pick<QueryRequest, 'select'> = {}): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  let skipToken: string | undefined;
  do {
    const page = store.query(entitySet, { ...request, skipToken });
    for (const row of page.rows) rows.push(row as Record<string, unknown>);
    skipToken = page.nextSkipToken;
  } while (skipToken !== undefined);
  return rows;
}
