import { serializeXml } from '../xml/index.js';
import { COMPONENT_TYPES } from './component-types.js';
import { connectionReferenceElement } from './components/connection-reference.js';
import { connectorGuid, connectorParts, type ConnectorBuild } from './components/connector.js';
import { contentTypesXml } from './components/content-types.js';
import { customizationsXml } from './components/customizations.js';
import { entityElement } from './components/entity.js';
import { environmentVariableElement, environmentVariableFileName } from './components/environment-variable.js';
import { solutionManifest, type RootComponent } from './components/manifest.js';
import { flowGuid, workflowElement, workflowFileName } from './components/workflow.js';
import type { SolutionSource } from './model.js';
import { CONTENT_TYPES_XML, CUSTOMIZATIONS_XML, SOLUTION_XML, zipEntryOrder, type PackageFiles } from './package-files.js';

/** Everything a solution is made from: the checked solution.yaml and the built connector and flows. */
export interface SolutionInputs {
  source: SolutionSource;
  connector?: ConnectorBuild;
  /** Flow JSON (Workflows/*.json content) by flow name, as `ppkit flow render` writes it. */
  flows: Map<string, Buffer>;
}

/**
 * Composes the solution's files in zip layout. Pure: the same inputs give the same files, in the
 * same order, so the zip is byte-identical from one build to the next.
 */
export function composeSolution(inputs: SolutionInputs, managed: boolean): PackageFiles {
  const { source } = inputs;
  const files = new Map<string, Buffer>();
  const roots: RootComponent[] = [];
  const xml = (root: Parameters<typeof serializeXml>[0]) => Buffer.from(serializeXml(root, { bom: true }), 'utf8');

  const entities = source.tables.map((table) => {
    roots.push({ type: COMPONENT_TYPES.Entity, schemaName: table.logicalName });
    return entityElement(table);
  });

  // Ordered by file name: the order `pack` gives workflows it reads back from a folder.
  const workflows = [...source.flows].sort((a, b) => byOrdinal(workflowFileName(a.name, flowGuid(a.name)), workflowFileName(b.name, flowGuid(b.name)))).map((flow) => {
    const json = inputs.flows.get(flow.name);
    if (!json) throw new Error(`no rendered JSON for flow "${flow.name}"`);
    const guid = flowGuid(flow.name);
    const fileName = workflowFileName(flow.name, guid);
    files.set(fileName, json);
    roots.push({ type: COMPONENT_TYPES.Workflow, id: guid });
    return workflowElement(flow, guid, fileName);
  });

  const connectors = [];
  if (source.connector) {
    if (!inputs.connector) throw new Error(`no built connector for "${source.connector.name}"`);
    const parts = connectorParts(source.connector, inputs.connector);
    for (const file of parts.files) files.set(file.name, file.data);
    connectors.push(parts.element);
    roots.push({ type: COMPONENT_TYPES.CustomConnector, id: connectorGuid(source.connector.name), schemaName: source.connector.name });
  }

  const connectionReferences = source.connectionReferences.map((reference) =>
    connectionReferenceElement(reference, reference.customConnector ? connectorGuid(reference.customConnector) : undefined),
  );

  for (const variable of source.environmentVariables) {
    files.set(environmentVariableFileName(variable.schemaName), Buffer.from(serializeXml(environmentVariableElement(variable), { declaration: false }), 'utf8'));
    roots.push({ type: COMPONENT_TYPES.EnvironmentVariableDefinition, schemaName: variable.schemaName });
  }

  files.set(CUSTOMIZATIONS_XML, xml(customizationsXml({ entities, workflows, connectors, connectionReferences })));
  files.set(SOLUTION_XML, xml(solutionManifest(source, managed, sortRoots(roots))));
  const ordered = zipEntryOrder([...files.keys(), CONTENT_TYPES_XML]);
  files.set(CONTENT_TYPES_XML, contentTypesXml(ordered));
  return new Map(ordered.map((name) => [name, files.get(name)!]));
}

const byOrdinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Root components by type code, then by id or schema name: a stable order. */
export function sortRoots(roots: RootComponent[]): RootComponent[] {
  const key = (r: RootComponent) => (r.schemaName ?? r.id ?? '').toLowerCase();
  return [...roots].sort((a, b) => a.type - b.type || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `CenterofExcellenceAuditLogs_1_0_0_0_managed.zip`, the name Power Platform gives an export. */
export function solutionZipName(source: SolutionSource, managed: boolean): string {
  return `${source.uniqueName}_${source.version.replace(/\./g, '_')}_${managed ? 'managed' : 'unmanaged'}.zip`;
}
