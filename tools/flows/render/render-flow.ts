import { InputError } from '../../core/errors.js';
import { componentGuid } from '../../core/ids.js';
import { sortKeysDeep } from '../../core/stable-json.js';
import { WDL_SCHEMA, isObject, type JsonObject, type JsonValue } from '../wdl/types.js';
import { visitActions } from '../wdl/walk.js';
import { workflowFileName } from './file-names.js';
import type { ConnectionReferenceInfo, EnvironmentVariableInfo, ProjectSources } from './project-sources.js';
import { PlaceholderError, substitutePlaceholders } from './substitute.js';
import { checkParameterValue, type FlowTemplate, type LegacyConnection } from './template.js';

export interface RenderedFlow {
  name: string;
  format: 'solution' | 'legacy';
  workflowId: string;
  /** Relative output path: `Workflows/<Name>-<GUID>.json` or `legacy/<Name>-<GUID>.json`. */
  relativePath: string;
  document: JsonObject;
  /** Solution flows: the connection references and environment variables the flow uses. */
  connectionReferences: string[];
  environmentVariables: string[];
  /** Legacy flows: their connections (no connection references outside a solution). */
  legacyConnections: LegacyConnection[];
}

/**
 * The `authentication` current designer exports give connector actions, child flows included (older
 * exports of manually triggered flows carry the Raw `X-MS-APIM-Tokens` form instead; both import).
 */
const CONNECTOR_AUTHENTICATION = "@parameters('$authentication')";

/** The parameter name the designer gives an environment variable in a flow: `"<Display> (<schema>)"`. */
export function environmentVariableParameterName(variable: EnvironmentVariableInfo): string {
  return `${variable.displayName} (${variable.schemaName})`;
}

export function workflowIdFor(template: Pick<FlowTemplate, 'name' | 'format'>): string {
  return componentGuid(template.format === 'legacy' ? 'legacy-workflow' : 'workflow', template.name);
}

export function renderFlow(template: FlowTemplate, sources: ProjectSources, overrides: ReadonlyMap<string, string | number>): RenderedFlow {
  const fail = (message: string, path: (string | number)[]) => {
    const at = template.source.locate(path);
    return new InputError(message, { file: template.file, line: at.line, column: at.column });
  };
  const values = new Map<string, string | number>();
  for (const parameter of template.parameters) {
    const value = overrides.has(parameter.name) ? overrides.get(parameter.name)! : parameter.default;
    const problem = checkParameterValue(parameter, value);
    if (problem) throw new InputError(`--param ${parameter.name}: ${problem}`, { file: template.file });
    values.set(parameter.name, value);
  }
  let body: JsonObject;
  const usedEnvironmentVariables = new Set<string>();
  const environmentVariables = new Map(sources.environmentVariables.map((v) => [v.schemaName, environmentVariableParameterName(v)]));
  try {
    const context = { values, flowNames: new Set(sources.flows.map((f) => f.name)), environmentVariables, usedEnvironmentVariables };
    body = substitutePlaceholders(template.definition, context, ['definition']) as JsonObject;
  } catch (error) {
    if (error instanceof PlaceholderError) throw fail(error.message, error.path);
    throw error;
  }
  const triggers = body.triggers as JsonObject;
  const actions = body.actions as JsonObject;
  addConnectorAuthentication(actions, CONNECTOR_AUTHENTICATION);

  const workflowId = workflowIdFor(template);
  const parameters: JsonObject = {
    $authentication: { defaultValue: {}, type: 'SecureObject' },
    $connections: { defaultValue: {}, type: 'Object' },
  };
  const definition = (params: JsonObject): JsonObject => ({ $schema: WDL_SCHEMA, contentVersion: '1.0.0.0', parameters: params, triggers, actions, outputs: {} });

  if (template.format === 'legacy') {
    const connectionReferences: JsonObject = {};
    for (const connection of template.legacyConnections) {
      connectionReferences[connection.key] = {
        connectionName: connection.key,
        source: 'Embedded',
        id: `/providers/Microsoft.PowerApps/apis/${connection.apiName}`,
        tier: 'NotSpecified',
      };
    }
    const document = {
      name: workflowId,
      id: `/providers/Microsoft.Flow/flows/${workflowId}`,
      type: 'Microsoft.Flow/flows',
      properties: {
        apiId: '/providers/Microsoft.PowerApps/apis/shared_logicflows',
        displayName: template.name,
        definition: definition(parameters),
        connectionReferences,
        flowFailureAlertSubscribed: false,
      },
    };
    return {
      name: template.name,
      format: 'legacy',
      workflowId,
      relativePath: `legacy/${workflowFileName(template.name, workflowId)}`,
      document: sortKeysDeep(document) as JsonObject,
      connectionReferences: [],
      environmentVariables: [],
      legacyConnections: template.legacyConnections,
    };
  }

  if (!sources.flows.some((f) => f.name === template.name)) {
    throw fail(`flow "${template.name}" is not listed under flows: in solution/solution.yaml`, ['name']);
  }
  const connectionReferences: JsonObject = {};
  const usedReferences: string[] = [];
  template.connections.forEach((flowKey, i) => {
    const reference = sources.connectionReferences.find((r) => r.flowKey === flowKey);
    if (!reference) throw fail(`connection "${flowKey}" is no flowKey of connectionReferences in solution/solution.yaml`, ['connections', i]);
    connectionReferences[flowKey] = connectionReferenceEntry(reference);
    usedReferences.push(reference.logicalName);
  });
  // Parameters in the order solution.yaml lists the variables; only those the flow reads.
  const used = sources.environmentVariables.filter((v) => usedEnvironmentVariables.has(v.schemaName));
  for (const variable of used) {
    const metadata: JsonObject = { schemaName: variable.schemaName };
    if (variable.description) metadata.description = variable.description;
    parameters[environmentVariableParameterName(variable)] = {
      defaultValue: variable.defaultValue ?? (variable.type === 'Number' ? 0 : ''),
      type: variable.type === 'Number' ? 'Int' : 'String',
      metadata,
    };
  }
  const document = { properties: { connectionReferences, definition: definition(parameters) }, schemaVersion: '1.0.0.0' };
  return {
    name: template.name,
    format: 'solution',
    workflowId,
    relativePath: `Workflows/${workflowFileName(template.name, workflowId)}`,
    document: sortKeysDeep(document) as JsonObject,
    connectionReferences: usedReferences,
    environmentVariables: used.map((v) => v.schemaName),
    legacyConnections: [],
  };
}

function connectionReferenceEntry(reference: ConnectionReferenceInfo): JsonObject {
  const apiName = reference.connectorId.split('/').pop()!;
  const api: JsonObject = { name: apiName };
  if (reference.customConnector) api.logicalName = reference.customConnector;
  return { api, connection: { connectionReferenceLogicalName: reference.logicalName }, runtimeSource: 'embedded' };
}

function addConnectorAuthentication(actions: JsonObject, authentication: JsonValue): void {
  visitActions(actions as never, (visit) => {
    const action = visit.action;
    if (action.type === 'OpenApiConnection' && isObject(action.inputs) && action.inputs.authentication === undefined) {
      (action.inputs as JsonObject).authentication = authentication;
    }
  });
}
