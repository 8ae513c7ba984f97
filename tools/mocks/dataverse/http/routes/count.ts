import type { DataverseRequest, DataverseResponse, RouteContext } from '../exchange.js';

/** `GET <set>/$count`: a text/plain number (at most 5,000, as in Dataverse). */
export function getCount(request: DataverseRequest, context: RouteContext, entitySet: string): DataverseResponse {
  const count = context.store.count(entitySet, request.search.get('$filter') ?? undefined);
  return { status: 200, headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' }, body: String(count) };
}
