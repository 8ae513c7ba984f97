import type { SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What a flow uses is in the solution (or declared as a missing dependency): its connection
 * references, the environment variables its parameters read, and the child flows it calls.
 * Otherwise the import fails, or the flow cannot be turned on.
 */
export const flowReferences: SolutionRule = {
  id: 'flow-references',
  severity: 'error',
  description: 'connection references, environment variables and child flows used by flows are in the solution',
  docsUrl: 'https://learn.microsoft.com/en-us/power-automate/create-connection-reference',
  check(context) {
    const facts = packageFacts(context);
    const missing = (type: string, key: string) => facts.missing.some((m) => m.type === type && m.key === key.toLowerCase());
    const references = new Set(facts.connectionReferences.map((r) => r.logicalName.toLowerCase()));
    const variables = new Set(facts.environmentVariables.map((v) => v.schemaName.toLowerCase()));
    const workflows = new Set(facts.workflows.map((w) => w.id));
    for (const workflow of facts.workflows) {
      const entry = workflow.jsonFile;
      if (!entry || !context.json.has(entry)) continue;
      const document = context.json.get(entry);
      const properties = isObject(document) ? document.properties : undefined;
      const definition = isObject(properties) ? properties.definition : undefined;
      if (!isObject(properties) || !isObject(definition) || !isObject(definition.triggers) || !isObject(definition.actions)) {
        context.report({ entry, path: ['properties'], message: 'not a flow: expected properties.definition with triggers and actions' });
        continue;
      }
      const connectionReferences = isObject(properties.connectionReferences) ? properties.connectionReferences : {};
      for (const [key, value] of Object.entries(connectionReferences)) {
        const connection = isObject(value) && isObject(value.connection) ? value.connection : undefined;
        const logicalName = typeof connection?.connectionReferenceLogicalName === 'string' ? connection.connectionReferenceLogicalName : undefined;
        if (!logicalName) {
          context.report({ entry, path: ['properties', 'connectionReferences', key], message: `connection "${key}" has no connection.connectionReferenceLogicalName: a solution flow must use a connection reference` });
        } else if (!references.has(logicalName.toLowerCase()) && !missing('connectionreference', logicalName)) {
          context.report({ entry, path: ['properties', 'connectionReferences', key, 'connection', 'connectionReferenceLogicalName'], message: `connection reference "${logicalName}" is not in customizations.xml` });
        }
      }
      const parameters = isObject(definition.parameters) ? definition.parameters : {};
      for (const [name, value] of Object.entries(parameters)) {
        const schemaName = isObject(value) && isObject(value.metadata) && typeof value.metadata.schemaName === 'string' ? value.metadata.schemaName : undefined;
        if (schemaName && !variables.has(schemaName.toLowerCase()) && !missing('environmentvariabledefinition', schemaName)) {
          context.report({ entry, path: ['properties', 'definition', 'parameters', name, 'metadata', 'schemaName'], message: `environment variable "${schemaName}" has no definition in the solution` });
        }
      }
      walk(definition.actions, ['properties', 'definition', 'actions'], (action, path) => {
        const host = isObject(action.inputs) && isObject(action.inputs.host) ? action.inputs.host : undefined;
        const target = typeof host?.workflowReferenceName === 'string' ? host.workflowReferenceName.toLowerCase() : undefined;
        if (action.type === 'Workflow' && target && !workflows.has(target) && !missing('29', target)) {
          context.report({ entry, path: [...path, 'inputs', 'host', 'workflowReferenceName'], message: `child flow ${target} is not in the solution` });
        }
      });
    }
  },
};

/** Visits every action, nested ones included (scopes, conditions, switch cases, loops). */
function walk(actions: unknown, path: (string | number)[], visit: (action: Json, path: (string | number)[]) => void): void {
  if (!isObject(actions)) return;
  for (const [name, action] of Object.entries(actions)) {
    if (!isObject(action)) continue;
    const here = [...path, name];
    visit(action, here);
    walk(action.actions, [...here, 'actions'], visit);
    if (isObject(action.else)) walk(action.else.actions, [...here, 'else', 'actions'], visit);
    if (isObject(action.default)) walk(action.default.actions, [...here, 'default', 'actions'], visit);
    if (isObject(action.cases)) {
      for (const [caseName, branch] of Object.entries(action.cases)) if (isObject(branch)) walk(branch.actions, [...here, 'cases', caseName, 'actions'], visit);
    }
  }
}
