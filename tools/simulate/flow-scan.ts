import type { ActionDefinition, LoadedWorkflow } from '../engine/index.js';

/** One connector call found in a flow definition, without running it. */
export interface ConnectorCall {
  flow: string;
  action: string;
  /** The flow's connection reference key (`host.connectionName`). */
  connectionKey: string;
  /** The API behind it (`shared_commondataserviceforapps`, `shared_admin-5foffice-...`). */
  apiName: string;
  operationId: string;
  parameters: Record<string, unknown>;
}

/** Every action of a definition, nested ones included (If branches, Switch cases, loops, scopes). */
export function* allActions(actions: Record<string, ActionDefinition> | undefined): Generator<[string, ActionDefinition]> {
  for (const [name, action] of Object.entries(actions ?? {})) {
    yield [name, action];
    const a = action as ActionDefinition & { actions?: Record<string, ActionDefinition>; else?: { actions?: Record<string, ActionDefinition> }; cases?: Record<string, { actions?: Record<string, ActionDefinition> }>; default?: { actions?: Record<string, ActionDefinition> } };
    yield* allActions(a.actions);
    yield* allActions(a.else?.actions);
    yield* allActions(a.default?.actions);
    for (const branch of Object.values(a.cases ?? {})) yield* allActions(branch.actions);
  }
}

/** The OpenApiConnection calls of a flow, resolved to their API names through its connection references. */
export function connectorCalls(workflow: LoadedWorkflow): ConnectorCall[] {
  const calls: ConnectorCall[] = [];
  for (const [name, action] of allActions(workflow.definition.actions as Record<string, ActionDefinition>)) {
    if (!/^OpenApiConnection(Webhook)?$/i.test(action.type)) continue;
    const inputs = (action as { inputs?: { host?: { connectionName?: string; operationId?: string; apiId?: string }; parameters?: Record<string, unknown> } }).inputs;
    const key = inputs?.host?.connectionName;
    if (!key || !inputs?.host?.operationId) continue;
    const reference = workflow.connectionReferences[key] as { api?: { name?: string } } | undefined;
    const apiName = reference?.api?.name ?? inputs.host.apiId?.split('/').pop() ?? key;
    calls.push({ flow: workflow.name, action: name, connectionKey: key, apiName, operationId: inputs.host.operationId, parameters: inputs.parameters ?? {} });
  }
  return calls;
}

export function isDataverseApi(apiName: string): boolean {
  return /commondataservice/i.test(apiName);
}

export function isOutlookApi(apiName: string): boolean {
  return /^shared_office365$/i.test(apiName);
}
