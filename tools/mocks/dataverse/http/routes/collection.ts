import { fetchXmlToQuery } from '../../odata/fetch-xml.js';
import { parsePrefer, parseQueryOptions, parseSelect, type QueryRequest } from '../../odata/query-options.js';
import { dataverseErrors } from '../../store/dataverse-error.js';
import { emptyResponse, header, jsonResponse, type DataverseRequest, type DataverseResponse, type RouteContext } from '../exchange.js';
import { parseJsonBody } from '../parse-body.js';
import { contextUrl, entityUrl } from './context-url.js';
import { entityBody, rowDecorator } from './full-metadata.js';

/** `GET <set>`: a page of rows with @odata.count and @odata.nextLink as Dataverse writes them. */
export function getCollection(request: DataverseRequest, context: RouteContext, entitySet: string): DataverseResponse {
  const prefer = parsePrefer(header(request, 'prefer'));
  const options = parseQueryOptions(request.search);
  if (options.fetchXml !== undefined) return getFetchXml(options.fetchXml, prefer.includeAnnotations, context, entitySet);
  // The options are this request's own object: completed in place rather than copied.
  const query: QueryRequest = options;
  query.maxPageSize = prefer.maxPageSize;
  const result = context.store.query(entitySet, query, { annotations: prefer.includeAnnotations !== undefined });
  const body: Record<string, unknown> = { '@odata.context': contextUrl(context, entitySet, query.select) };
  if (result.count !== undefined) body['@odata.count'] = result.count;
  const decorate = rowDecorator(request, context, entitySet);
  body.value = decorate ? result.rows.map((row) => decorate(row)) : result.rows;
  if (result.nextSkipToken !== undefined) {
    const next = new URLSearchParams(request.search);
    next.delete('$skiptoken');
    const rest = next.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
    body['@odata.nextLink'] = `${context.serviceRoot}${entitySet}?${rest ? `${rest}&` : ''}$skiptoken=${encodeURIComponent(result.nextSkipToken)}`;
  }
  const applied = [prefer.maxPageSize !== undefined ? `odata.maxpagesize=${result.pageSize}` : '', prefer.includeAnnotations ? `odata.include-annotations="${prefer.includeAnnotations}"` : '']
    .filter(Boolean)
    .join(',');
  return jsonResponse(200, body, applied ? { 'Preference-Applied': applied } : {});
}

/**
 * `GET <set>?fetchXml=...`: the FetchXML query; with more rows, the paging cookie and
 * `morerecords` annotations Dataverse adds when annotations are asked for.
 */
function getFetchXml(fetchXml: string, annotations: string | undefined, context: RouteContext, entitySet: string): DataverseResponse {
  const query = fetchXmlToQuery(fetchXml, context.store.table(entitySet));
  const result = context.store.query(entitySet, query, { annotations: annotations !== undefined });
  const body: Record<string, unknown> = { '@odata.context': contextUrl(context, entitySet, query.select) };
  if (annotations !== undefined) {
    if (result.nextSkipToken !== undefined) body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'] = result.nextSkipToken;
    body['@Microsoft.Dynamics.CRM.morerecords'] = result.nextSkipToken !== undefined;
  }
  body.value = result.rows;
  return jsonResponse(200, body);
}

/**
 * `POST <set>`: 204 with `OData-EntityId`, or 201 with the row under `Prefer: return=representation`.
 * An existing primary key is the duplicate-key error, which the CoE flows rely on.
 */
export function postCollection(request: DataverseRequest, context: RouteContext, entitySet: string): DataverseResponse {
  const table = context.store.table(entitySet);
  const prefer = parsePrefer(header(request, 'prefer'));
  const selectText = request.search.get('$select');
  const select = selectText ? parseSelect(selectText) : undefined;
  if (prefer.returnRepresentation) context.store.checkSelect(entitySet, select);
  const { id, row } = context.store.create(entitySet, parseJsonBody(request.body, table.entitySetName), prefer.returnRepresentation ? { select } : undefined);
  if (!row) return emptyResponse(204, { 'OData-EntityId': entityUrl(context, entitySet, id) });
  const decorate = rowDecorator(request, context, entitySet);
  return jsonResponse(201, entityBody(contextUrl(context, entitySet, select, true), row, decorate), { 'Preference-Applied': 'return=representation' });
}

export function notAllowedOnCollection(request: DataverseRequest): DataverseResponse {
  throw dataverseErrors.methodNotAllowed(request.method);
}
