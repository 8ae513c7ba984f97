import { DataverseError } from '../store/dataverse-error.js';
import { errorResponse, type DataverseRequest, type DataverseResponse, type RouteContext } from './exchange.js';
import { parseResourcePath, type ResourcePath } from './resource-path.js';
import { postBoundAction, postUnboundAction } from './routes/action.js';
import { postBatch } from './routes/batch.js';
import { getCollection, notAllowedOnCollection, postCollection } from './routes/collection.js';
import { getCount } from './routes/count.js';
import { deleteEntity, getEntity, getProperty, patchEntity } from './routes/entity.js';
import { getMetadata } from './routes/metadata.js';
import { deleteRef, getRef, postRef, putRef } from './routes/ref.js';
import { getServiceDocument } from './routes/service-document.js';

type Route = (request: DataverseRequest, context: RouteContext, path: ResourcePath) => DataverseResponse;
type Kind = ResourcePath['kind'];
type PathOf<K extends Kind> = Extract<ResourcePath, { kind: K }>;

const on = <K extends Kind>(handler: (request: DataverseRequest, context: RouteContext, path: PathOf<K>) => DataverseResponse): Route =>
  handler as Route;

/** Which handler answers which method on which kind of resource. Anything else is 405. */
const ROUTES: Record<Kind, Partial<Record<string, Route>>> = {
  service: { GET: (_r, c) => getServiceDocument(c) },
  metadata: { GET: (_r, c) => getMetadata(c) },
  batch: { POST: (r, c) => postBatch(r, c, dispatch) },
  collection: {
    GET: on<'collection'>((r, c, p) => getCollection(r, c, p.entitySet)),
    // A name that is no entity set is an unbound action (`POST RetrieveEnvironmentVariableSecretValue`).
    POST: on<'collection'>((r, c, p) => (c.store.tables.byEntitySet.has(p.entitySet) ? postCollection(r, c, p.entitySet) : postUnboundAction(r, c, p.entitySet))),
    PATCH: (r) => notAllowedOnCollection(r),
    DELETE: (r) => notAllowedOnCollection(r),
  },
  count: { GET: on<'count'>((r, c, p) => getCount(r, c, p.entitySet)) },
  entity: {
    GET: on<'entity'>((r, c, p) => getEntity(r, c, p.entitySet, p.key)),
    PATCH: on<'entity'>((r, c, p) => patchEntity(r, c, p.entitySet, p.key)),
    DELETE: on<'entity'>((r, c, p) => deleteEntity(r, c, p.entitySet, p.key)),
  },
  property: { GET: on<'property'>((r, c, p) => getProperty(r, c, p.entitySet, p.key, p.property)) },
  ref: { GET: on<'ref'>(getRef), POST: on<'ref'>(postRef), PUT: on<'ref'>(putRef), DELETE: on<'ref'>(deleteRef) },
  boundAction: { POST: on<'boundAction'>((r, c, p) => postBoundAction(r, c, p.entitySet, p.action)) },
};

/** Answers one Web API request; Dataverse errors become their status and error body. */
export function dispatch(request: DataverseRequest, context: RouteContext): DataverseResponse {
  try {
    const path = parseResourcePath(request.path);
    const route = ROUTES[path.kind][request.method.toUpperCase()];
    if (!route) return errorResponse(new DataverseError(405, '0x80060888', `The requested resource does not support http method '${request.method}'.`));
    return route(request, context, path);
  } catch (error) {
    if (error instanceof DataverseError) return errorResponse(error);
    throw error;
  }
}
