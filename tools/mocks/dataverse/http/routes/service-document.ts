import { jsonResponse, type DataverseResponse, type RouteContext } from '../exchange.js';

/** `GET /api/data/v9.2/`: the entity sets, as `{name, kind: "EntitySet", url}`. */
export function getServiceDocument(context: RouteContext): DataverseResponse {
  const value = context.store.tables.tables.map((t) => ({ name: t.entitySetName, kind: 'EntitySet', url: t.entitySetName }));
  return jsonResponse(200, { '@odata.context': `${context.serviceRoot}$metadata`, value });
}
