import { InputError } from '../core/errors.js';
import { attr, childElements, cloneElement, firstChild, el, isElement, parseXmlBytes, removeAttr, serializeXml, setAttr, textOf, type XmlElement } from '../xml/index.js';
import { contentTypesXml } from './components/content-types.js';
import { CUSTOMIZATIONS_ORDER } from './components/customizations.js';
import { mergeEntities, splitEntity, type EntityIo } from './layout-entities.js';
import { CONTENT_TYPES_XML, CUSTOMIZATIONS_XML, SOLUTION_XML, zipEntryOrder, type PackageFiles } from './package-files.js';

/**
 * The two layouts of a solution and the mapping between them, as SolutionPackager
 * (`pac solution unpack` / `pack`) defines it:
 *
 *   zip                                   folder
 *   solution.xml                          Other/Solution.xml
 *   customizations.xml                    Other/Customizations.xml  (without workflows and connectors)
 *     <Workflows><Workflow JsonFileName=X>  X.data.xml (the <Workflow> element)
 *     <Connectors><Connector name=N>        Connectors/N.xml (the <Connector> element)
 *     <Entities><Entity Name=T>             Entities/T/Entity.xml (+ SavedQueries/, FormXml/, RibbonDiff.xml)
 *   Workflows/X.json                      Workflows/X.json
 *   Connector/N_openapidefinition.json    Connectors/N_openapidefinition.json
 *   [Content_Types].xml                   (dropped; made again on pack)
 *   anything else                         the same path
 */
export const FOLDER_SOLUTION_XML = 'Other/Solution.xml';
export const FOLDER_CUSTOMIZATIONS_XML = 'Other/Customizations.xml';

export type PackageType = 'managed' | 'unmanaged';

const XML_OPTIONS = { declaration: true } as const;

function parseEntry(files: Map<string, Buffer>, name: string): XmlElement {
  const bytes = files.get(name);
  if (!bytes) throw new InputError(`the solution has no ${name}`, { file: name });
  return parseXmlBytes(bytes, { file: name }).root;
}

const text = (root: XmlElement, bom = false) => Buffer.from(serializeXml(root, { ...XML_OPTIONS, bom }), 'utf8');

/** Copies the namespace declarations of `parent` onto `element` (an element leaving its document needs them). */
function carryNamespaces(element: XmlElement, parent: XmlElement): XmlElement {
  const copy = cloneElement(element);
  for (const [key, value] of parent.attributes) {
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && attr(copy, key) === undefined) setAttr(copy, key, value);
  }
  return copy;
}

/** Drops namespace declarations `parent` already makes (an element going back into its document). */
function dropInheritedNamespaces(element: XmlElement, parent: XmlElement): XmlElement {
  const copy = cloneElement(element);
  for (const [key, value] of parent.attributes) {
    if ((key === 'xmlns' || key.startsWith('xmlns:')) && attr(copy, key) === value) removeAttr(copy, key);
  }
  return copy;
}

/** A component file path named inside the XML (`/Workflows/X.json`), checked to stay inside the solution. */
function innerPath(value: string, where: string): string {
  const path = value.trim().replace(/\\/g, '/').replace(/^\/+/, '');
  if (path === '' || path.split('/').some((s) => s === '..' || s === '')) throw new InputError(`component path "${value}" is not a relative path inside the solution`, { file: where });
  return path;
}

/** Zip layout -> SolutionPackager folder layout. */
export function zipToFolder(files: PackageFiles): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  out.set(FOLDER_SOLUTION_XML, text(parseEntry(files, SOLUTION_XML)));
  const customizations = parseEntry(files, CUSTOMIZATIONS_XML);
  const rest = cloneElement(customizations);
  rest.children = [];
  for (const child of customizations.children) {
    if (!isElement(child)) {
      rest.children.push(child);
      continue;
    }
    if (child.name === 'Workflows') {
      const kept: XmlElement[] = [];
      for (const workflow of childElements(child, 'Workflow')) {
        const fileElement = firstChild(workflow, 'JsonFileName') ?? firstChild(workflow, 'XamlFileName');
        if (!fileElement) {
          kept.push(workflow);
          continue;
        }
        const dataPath = `${innerPath(textOf(fileElement), CUSTOMIZATIONS_XML)}.data.xml`;
        if (out.has(dataPath)) throw new InputError(`two workflows name the file ${dataPath}`, { file: CUSTOMIZATIONS_XML });
        out.set(dataPath, text(carryNamespaces(workflow, customizations)));
      }
      rest.children.push({ ...el('Workflows', {}, kept), selfClosing: true });
      continue;
    }
    if (child.name === 'Entities') {
      const io: EntityIo = { write: (element) => text(carryNamespaces(element, customizations)), reattach: (element) => element };
      for (const entity of childElements(child, 'Entity')) {
        for (const [path, bytes] of splitEntity(entity, io)) {
          if (out.has(path)) throw new InputError(`two tables unpack to ${path}`, { file: CUSTOMIZATIONS_XML });
          out.set(path, bytes);
        }
      }
      rest.children.push({ ...el('Entities'), selfClosing: true });
      continue;
    }
    if (child.name === 'Connectors') {
      for (const connector of childElements(child, 'Connector')) {
        const name = (textOf(firstChild(connector, 'name')) || '').trim();
        if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new InputError(`connector name "${name}" cannot be a file name`, { file: CUSTOMIZATIONS_XML });
        out.set(`Connectors/${name}.xml`, text(carryNamespaces(connector, customizations)));
      }
      continue;
    }
    rest.children.push(child);
  }
  out.set(FOLDER_CUSTOMIZATIONS_XML, text(rest));
  for (const [name, bytes] of files) {
    if (name === SOLUTION_XML || name === CUSTOMIZATIONS_XML || name === CONTENT_TYPES_XML) continue;
    const target = name.startsWith('Connector/') ? `Connectors/${name.slice('Connector/'.length)}` : name;
    if (out.has(target)) throw new InputError(`two entries unpack to ${target}`, { file: name });
    out.set(target, bytes);
  }
  return out;
}

/**
 * SolutionPackager folder layout -> zip layout. `packageType` sets the Managed flag; without it the
 * folder's own flag is kept (2, "both", packs as unmanaged, as `pac solution pack` does by default).
 */
export function folderToZip(folder: Map<string, Buffer>, packageType?: PackageType): PackageFiles {
  const files = new Map<string, Buffer>();
  const solution = parseEntry(folder, FOLDER_SOLUTION_XML);
  const manifest = firstChild(solution, 'SolutionManifest');
  if (!manifest) throw new InputError('Solution.xml has no <SolutionManifest>', { file: FOLDER_SOLUTION_XML });
  const managedElement = firstChild(manifest, 'Managed');
  if (managedElement) {
    const current = textOf(managedElement).trim();
    const value = packageType ? (packageType === 'managed' ? '1' : '0') : current === '2' ? '0' : current;
    managedElement.children = [value];
  }
  files.set(SOLUTION_XML, text(solution, true));

  const customizations = parseEntry(folder, FOLDER_CUSTOMIZATIONS_XML);
  const workflows: XmlElement[] = [];
  const connectors: XmlElement[] = [];
  const names = [...folder.keys()].sort();
  for (const name of names) {
    if (name.startsWith('Workflows/') && name.endsWith('.data.xml')) {
      const workflow = parseXmlBytes(folder.get(name)!, { file: name }).root;
      if (workflow.name !== 'Workflow') throw new InputError(`expected a <Workflow> root element, found <${workflow.name}>`, { file: name });
      workflows.push(dropInheritedNamespaces(workflow, customizations));
    } else if (/^Connectors\/[^/]+\.xml$/i.test(name)) {
      const connector = parseXmlBytes(folder.get(name)!, { file: name }).root;
      if (connector.name === 'Connector') connectors.push(dropInheritedNamespaces(connector, customizations));
    }
  }
  const merged = mergeEntities(folder, { write: (element) => text(element), reattach: (element) => dropInheritedNamespaces(element, customizations) });
  if (merged.entities.length > 0) {
    let entitiesElement = firstChild(customizations, 'Entities');
    if (!entitiesElement) {
      entitiesElement = el('Entities');
      insertInOrder(customizations, entitiesElement);
    }
    entitiesElement.children = [...childElements(entitiesElement), ...merged.entities];
  }
  let workflowsElement = firstChild(customizations, 'Workflows');
  if (!workflowsElement && workflows.length > 0) {
    workflowsElement = el('Workflows');
    insertInOrder(customizations, workflowsElement);
  }
  if (workflowsElement) workflowsElement.children = [...childElements(workflowsElement), ...workflows];
  if (connectors.length > 0) {
    const existing = firstChild(customizations, 'Connectors');
    if (existing) existing.children = [...childElements(existing), ...connectors];
    else insertInOrder(customizations, el('Connectors', {}, connectors));
  }
  files.set(CUSTOMIZATIONS_XML, text(customizations, true));

  for (const name of names) {
    if (name === FOLDER_SOLUTION_XML || name === FOLDER_CUSTOMIZATIONS_XML) continue;
    if (name.startsWith('Workflows/') && name.endsWith('.data.xml')) continue;
    if (merged.used.has(name)) continue;
    let target = name;
    if (name.startsWith('Connectors/')) {
      if (/^Connectors\/[^/]+\.xml$/i.test(name) && connectors.length > 0 && isConnectorXml(folder.get(name)!)) continue;
      target = `Connector/${name.slice('Connectors/'.length)}`;
    }
    files.set(target, folder.get(name)!);
  }
  const ordered = zipEntryOrder([...files.keys(), CONTENT_TYPES_XML]);
  files.set(CONTENT_TYPES_XML, contentTypesXml(ordered));
  return new Map(ordered.map((name) => [name, files.get(name)!]));
}

function isConnectorXml(bytes: Buffer): boolean {
  return /<Connector[\s>]/.test(bytes.subarray(0, 512).toString('utf8'));
}

/** Inserts a customizations.xml child where exports put it (before the next known sibling). */
function insertInOrder(customizations: XmlElement, child: XmlElement): void {
  const order = CUSTOMIZATIONS_ORDER as readonly string[];
  const rank = order.indexOf(child.name);
  const index = customizations.children.findIndex((c) => isElement(c) && order.indexOf(c.name) > rank);
  if (index < 0) customizations.children.push(child);
  else customizations.children.splice(index, 0, child);
}
