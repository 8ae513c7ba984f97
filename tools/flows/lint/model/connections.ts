import { isObject } from '../../wdl/types.js';
import type { ActionVisit } from '../../wdl/walk.js';
import { apiNameOf } from '../connectors/catalog.js';
import type { FlowModel } from './flow-model.js';

/** host of an OpenApiConnection action: `{apiId, connectionName, operationId}`. */
export function connectorHost(visit: ActionVisit): Record<string, unknown> | undefined {
  if (visit.action.type !== 'OpenApiConnection' && visit.action.type !== 'OpenApiConnectionWebhook') return undefined;
  const inputs = visit.action.inputs;
  return isObject(inputs) && isObject(inputs.host) ? inputs.host : undefined;
}

/**
 * The api name (`shared_x`) an OpenApiConnection calls: from host.apiId, else from its connection
 * reference (`api.name` in a solution flow, `id` in a legacy package).
 */
export function apiNameForAction(flow: FlowModel, host: Record<string, unknown>): string | undefined {
  const fromApiId = apiNameOf(host.apiId);
  if (fromApiId) return fromApiId;
  const reference = typeof host.connectionName === 'string' ? flow.connectionReferences.get(host.connectionName) : undefined;
  if (!reference) return undefined;
  if (isObject(reference.api) && typeof reference.api.name === 'string') return reference.api.name;
  return apiNameOf(reference.id);
}
