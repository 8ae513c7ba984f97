import { isObject, type WdlAction } from '../../wdl/types.js';
import type { ActionVisit } from '../../wdl/walk.js';
import { apiNameOf } from '../connectors/catalog.js';
import type { FlowModel, TriggerVisit } from './flow-model.js';

/** An action or trigger that calls a connector, with its name and JSON path. */
export interface ConnectorStep {
  name: string;
  path: (string | number)[];
  action: WdlAction;
}

const CONNECTOR_TYPES = new Set(['OpenApiConnection', 'OpenApiConnectionWebhook', 'OpenApiConnectionNotification']);

/** An action visit or a trigger as a ConnectorStep (triggers call connectors too: "When a row is added..."). */
export function asStep(visit: ActionVisit | TriggerVisit): ConnectorStep {
  return 'trigger' in visit ? { name: visit.name, path: visit.path, action: visit.trigger } : { name: visit.name, path: visit.path, action: visit.action };
}

/** host of an OpenApiConnection action or trigger: `{apiId, connectionName, operationId}`. */
export function connectorHost(step: ConnectorStep): Record<string, unknown> | undefined {
  if (!CONNECTOR_TYPES.has(String(step.action.type))) return undefined;
  const inputs = step.action.inputs;
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
