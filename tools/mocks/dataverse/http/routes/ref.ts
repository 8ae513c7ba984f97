import type { Column, OneToManyRelationship, Table } from '../../model/table.js';
import { dataverseErrors } from '../../store/dataverse-error.js';
import { emptyResponse, jsonResponse, type DataverseRequest, type DataverseResponse, type RouteContext } from '../exchange.js';
import { parseJsonBody } from '../parse-body.js';
import type { ResourcePath } from '../resource-path.js';
import { entityUrl } from './context-url.js';

type RefPath = Extract<ResourcePath, { kind: 'ref' }>;

/** `<set>(<id>)` at the end of an `@odata.id` (absolute, or relative to the service root). */
const ENTITY_URI = /^(?:.*\/)?([A-Za-z_][A-Za-z0-9_]*)\(([^()]+)\)$/;

/**
 * A navigation property of `table` as a `$ref` addresses it: collection-valued (a one-to-many
 * relationship in which the table is the referenced one) or single-valued (a lookup of the table).
 * Anything else is the Web API's "Resource not found for the segment" (404, 0x8006088a).
 */
function navigationOf(table: Table, name: string): { relationship: OneToManyRelationship } | { lookup: Column } {
  const relationship = table.relationships.get(name);
  if (relationship) return { relationship };
  const lookup = table.byNavigation.get(name);
  if (lookup) return { lookup };
  throw dataverseErrors.resourceNotFound(name);
}

/** The `<set>(<key>)` an `@odata.id` (or a `$id` query value) names; it must be a row of `expected`. */
function referencedRow(reference: unknown, expected: Table): string {
  const match = typeof reference === 'string' ? ENTITY_URI.exec(reference.trim()) : null;
  if (!match) throw dataverseErrors.badArgument(`The reference must be an entity URI such as "${expected.entitySetName}(<guid>)" in "@odata.id", got ${JSON.stringify(reference ?? null)}.`);
  if (match[1] !== expected.entitySetName) throw dataverseErrors.badArgument(`The reference must point to the entity set '${expected.entitySetName}', got '${match[1]}'.`);
  return match[2]!;
}

function rowId(context: RouteContext, table: Table, key: string): string {
  return String(context.store.retrieve(table.entitySetName, key, { select: [table.primaryId.logicalName] })[table.primaryId.logicalName]);
}

function bindBody(lookup: Column, value: string | null): Record<string, unknown> {
  return { [`${lookup.schemaName}@odata.bind`]: value };
}

/**
 * `POST <set>(<id>)/<relationship>/$ref` with `{"@odata.id": "<related row>"}`: associates through a
 * collection-valued navigation property (the related row's lookup now points to this row). 204;
 * 404 (0x80040217) when either row does not exist.
 */
export function postRef(request: DataverseRequest, context: RouteContext, path: RefPath): DataverseResponse {
  const table = context.store.table(path.entitySet);
  const navigation = navigationOf(table, path.navigation);
  if (!('relationship' in navigation) || path.relatedKey !== undefined) throw dataverseErrors.methodNotAllowed(request.method);
  const relationship = navigation.relationship;
  const referencing = context.store.tables.byLogicalName.get(relationship.referencingTable)!;
  const related = referencedRow((parseJsonBody(request.body, table.entitySetName) as Record<string, unknown>)['@odata.id'], referencing);
  const id = rowId(context, table, path.key);
  context.store.update(referencing.entitySetName, related, bindBody(relationship.lookup, `/${table.entitySetName}(${id})`), { ifMatch: '*' });
  return emptyResponse(204);
}

/** `PUT <set>(<id>)/<lookup>/$ref` with `{"@odata.id": ...}`: sets a single-valued navigation property. 204. */
export function putRef(request: DataverseRequest, context: RouteContext, path: RefPath): DataverseResponse {
  const table = context.store.table(path.entitySet);
  const navigation = navigationOf(table, path.navigation);
  if (!('lookup' in navigation) || path.relatedKey !== undefined) throw dataverseErrors.methodNotAllowed(request.method);
  const target = context.store.tables.byLogicalName.get(navigation.lookup.target!)!;
  const related = referencedRow((parseJsonBody(request.body, table.entitySetName) as Record<string, unknown>)['@odata.id'], target);
  context.store.update(table.entitySetName, path.key, bindBody(navigation.lookup, `/${target.entitySetName}(${related})`), { ifMatch: '*' });
  return emptyResponse(204);
}

/**
 * `DELETE <set>(<id>)/<relationship>/$ref?$id=<related row>` (or `.../<relationship>(<related id>)/$ref`)
 * removes one row from a collection-valued navigation property; `DELETE <set>(<id>)/<lookup>/$ref`
 * clears a single-valued one. 204; 404 when a row does not exist or is not related to this one.
 */
export function deleteRef(request: DataverseRequest, context: RouteContext, path: RefPath): DataverseResponse {
  const table = context.store.table(path.entitySet);
  const navigation = navigationOf(table, path.navigation);
  if ('lookup' in navigation) {
    context.store.update(table.entitySetName, path.key, bindBody(navigation.lookup, null), { ifMatch: '*' });
    return emptyResponse(204);
  }
  const { relationship } = navigation;
  const referencing = context.store.tables.byLogicalName.get(relationship.referencingTable)!;
  const relatedKey = path.relatedKey ?? referencedRow(request.search.get('$id') ?? undefined, referencing);
  const id = rowId(context, table, path.key);
  const related = context.store.retrieve(referencing.entitySetName, relatedKey, { select: [referencing.primaryId.logicalName, relationship.lookup.jsonName] });
  const relatedId = String(related[referencing.primaryId.logicalName]);
  if (related[relationship.lookup.jsonName] !== id) throw dataverseErrors.notFound(referencing.logicalName, relatedId);
  context.store.update(referencing.entitySetName, relatedId, bindBody(relationship.lookup, null), { ifMatch: '*' });
  return emptyResponse(204);
}

/** `GET <set>(<id>)/<navigation>/$ref`: the related rows' URIs (`value` for a collection). */
export function getRef(_request: DataverseRequest, context: RouteContext, path: RefPath): DataverseResponse {
  const table = context.store.table(path.entitySet);
  const navigation = navigationOf(table, path.navigation);
  const id = rowId(context, table, path.key);
  if ('lookup' in navigation) {
    const value = context.store.retrieve(table.entitySetName, id, { select: [navigation.lookup.jsonName] })[navigation.lookup.jsonName];
    if (value === null || value === undefined) return emptyResponse(204);
    const target = context.store.tables.byLogicalName.get(navigation.lookup.target!)!;
    return jsonResponse(200, { '@odata.context': `${context.serviceRoot}$metadata#$ref`, '@odata.id': entityUrl(context, target.entitySetName, String(value)) });
  }
  const { relationship } = navigation;
  const referencing = context.store.tables.byLogicalName.get(relationship.referencingTable)!;
  const rows = context.store.query(referencing.entitySetName, { select: [referencing.primaryId.logicalName], filter: `${relationship.lookup.jsonName} eq ${id}` }).rows;
  const value = rows.map((row) => ({ '@odata.id': entityUrl(context, referencing.entitySetName, String(row[referencing.primaryId.logicalName])) }));
  return jsonResponse(200, { '@odata.context': `${context.serviceRoot}$metadata#Collection($ref)`, value });
}
