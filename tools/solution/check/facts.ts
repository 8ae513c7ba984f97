import { attr, childElements, firstChild, textOf, type XmlElement } from '../../xml/index.js';
import { CUSTOMIZATIONS_XML, SOLUTION_XML } from '../package-files.js';
import type { SolutionCheckContext } from './context.js';

/** Facts several rules need, read once from the parsed package. */
export interface PackageFacts {
  manifest?: XmlElement;
  customizations?: XmlElement;
  workflows: { id: string; name: string; jsonFile?: string; element: XmlElement }[];
  connectors: { id: string; name: string; element: XmlElement }[];
  entities: { name: string }[];
  connectionReferences: { logicalName: string; connectorId: string }[];
  environmentVariables: { schemaName: string; entry: string; element?: XmlElement }[];
  roots: { type: string; id?: string; schemaName?: string }[];
  /** Names the solution says it takes from other solutions (MissingDependencies/Required). */
  missing: { type: string; key: string }[];
}

const bareGuid = (value: string | undefined) => (value ?? '').replace(/[{}]/g, '').trim().toLowerCase();

export function packageFacts(context: SolutionCheckContext): PackageFacts {
  const solution = context.xml.get(SOLUTION_XML);
  const customizations = context.xml.get(CUSTOMIZATIONS_XML);
  const manifest = solution ? firstChild(solution, 'SolutionManifest') : undefined;
  const facts: PackageFacts = { manifest, customizations, workflows: [], connectors: [], entities: [], connectionReferences: [], environmentVariables: [], roots: [], missing: [] };
  if (customizations) {
    for (const workflow of childElements(firstChild(customizations, 'Workflows') ?? customizations, 'Workflow')) {
      const file = textOf(firstChild(workflow, 'JsonFileName')).trim();
      facts.workflows.push({ id: bareGuid(attr(workflow, 'WorkflowId')), name: attr(workflow, 'Name') ?? '', jsonFile: file ? file.replace(/^\/+/, '') : undefined, element: workflow });
    }
    for (const connector of childElements(firstChild(customizations, 'Connectors') ?? customizations, 'Connector')) {
      facts.connectors.push({ id: bareGuid(textOf(firstChild(connector, 'connectorid'))), name: textOf(firstChild(connector, 'name')).trim(), element: connector });
    }
    for (const entity of childElements(firstChild(customizations, 'Entities') ?? customizations, 'Entity')) {
      facts.entities.push({ name: textOf(firstChild(entity, 'Name')).trim() });
    }
    for (const reference of childElements(firstChild(customizations, 'connectionreferences') ?? customizations, 'connectionreference')) {
      facts.connectionReferences.push({ logicalName: attr(reference, 'connectionreferencelogicalname') ?? '', connectorId: textOf(firstChild(reference, 'connectorid')).trim() });
    }
  }
  for (const [entry] of context.files) {
    const match = /^environmentvariabledefinitions\/([^/]+)\/environmentvariabledefinition\.xml$/i.exec(entry);
    if (match) facts.environmentVariables.push({ schemaName: match[1]!, entry, element: context.xml.get(entry) });
  }
  if (manifest) {
    for (const root of childElements(firstChild(manifest, 'RootComponents') ?? manifest, 'RootComponent')) {
      facts.roots.push({ type: attr(root, 'type') ?? '', id: attr(root, 'id') !== undefined ? bareGuid(attr(root, 'id')) : undefined, schemaName: attr(root, 'schemaName') });
    }
    for (const dependency of childElements(firstChild(manifest, 'MissingDependencies') ?? manifest, 'MissingDependency')) {
      const required = firstChild(dependency, 'Required');
      if (!required) continue;
      // A required component may be named several ways at once (a connector by schemaName and id).
      const type = (attr(required, 'type') ?? '').toLowerCase();
      for (const key of [attr(required, 'schemaName'), attr(required, 'id.schemaname'), attr(required, 'id.connectionreferencelogicalname'), attr(required, 'id') && bareGuid(attr(required, 'id'))]) {
        if (key) facts.missing.push({ type, key: key.toLowerCase() });
      }
    }
  }
  return facts;
}
