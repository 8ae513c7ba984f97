import { parsePrefer, parseQueryOptions, parseSelect } from '../../odata/query-options.js';
import { emptyResponse, header, jsonResponse, type DataverseRequest, type DataverseResponse, type RouteContext } from '../exchange.js';
import { parseJsonBody } from '../parse-body.js';
import { contextUrl, entityUrl } from './context-url.js';
import { entityBody, rowDecorator } from './full-metadata.js';

const ENTITY_OPTIONS = new Set(['$select', '$expand']);

/** `GET <set>(<key>)`: the row at top level; `If-None-Match: W/"n"` of the current version gives 304. */
export function getEntity(request: DataverseRequest, context: RouteContext, entitySet: string, key: string): DataverseResponse {
  const options = parseQueryOptions(request.search, ENTITY_OPTIONS);
  const prefer = parsePrefer(header(request, 'prefer'));
  const annotations = prefer.includeAnnotations !== undefined;
  const row = context.store.retrieve(entitySet, key, { select: options.select, annotations, expand: options.expand });
  const ifNoneMatch = header(request, 'if-none-match');
  if (ifNoneMatch !== undefined && !options.expand && !annotations && ifNoneMatch === row['@odata.etag']) return emptyResponse(304);
  const decorate = rowDecorator(request, context, entitySet);
  return jsonResponse(200, entityBody(contextUrl(context, entitySet, options.select, true), row, decorate));
}

/** `GET <set>(<key>)/<column>`: `{"@odata.context", "value"}`. */
export function getProperty(request: DataverseRequest, context: RouteContext, entitySet: string, key: string, property: string): DataverseResponse {
  const row = context.store.retrieve(entitySet, key, { select: [property] });
  const id = String(row[context.store.table(entitySet).primaryId.logicalName]);
  const value = row[property];
  if (value === null) return emptyResponse(204);
  return jsonResponse(200, { '@odata.context': `${context.serviceRoot}$metadata#${entitySet}(${id})/${property}`, value });
}

/**
 * `PATCH <set>(<key>)`: update, or create with that key (upsert). If-Match / If-None-Match limit
 * it as Dataverse documents. 204 with OData-EntityId, or 200 with the row under return=representation.
 */
export function patchEntity(request: DataverseRequest, context: RouteContext, entitySet: string, key: string): DataverseResponse {
  const table = context.store.table(entitySet);
  const body = parseJsonBody(request.body, table.entitySetName);
  const prefer = parsePrefer(header(request, 'prefer'));
  const selectText = request.search.get('$select');
  const select = selectText ? parseSelect(selectText) : undefined;
  if (prefer.returnRepresentation) context.store.checkSelect(entitySet, select);
  const read = prefer.returnRepresentation ? { select } : undefined;
  const { id, row } = context.store.update(entitySet, key, body, { ifMatch: header(request, 'if-match'), ifNoneMatch: header(request, 'if-none-match'), read });
  if (!row) return emptyResponse(204, { 'OData-EntityId': entityUrl(context, entitySet, id) });
  const decorate = rowDecorator(request, context, entitySet);
  return jsonResponse(200, entityBody(contextUrl(context, entitySet, select, true), row, decorate), { 'Preference-Applied': 'return=representation' });
}

/** `DELETE <set>(<key>)`: 204; 404 when missing; `If-Match: W/"n"` must be the current version. */
export function deleteEntity(request: DataverseRequest, context: RouteContext, entitySet: string, key: string): DataverseResponse {
  context.store.delete(entitySet, key, { ifMatch: header(request, 'if-match') });
  return emptyResponse(204);
}
