import { InputError } from '../core/errors.js';
import { attr, childElements, cloneElement, el, firstChild, isElement, parseXmlBytes, textOf, type XmlElement } from '../xml/index.js';

/**
 * Tables in the SolutionPackager layout: each `<Entity>` of customizations.xml becomes
 * `Entities/<Name>/Entity.xml`, with its views in `SavedQueries/<id>.xml`, its forms in
 * `FormXml/<type>/<id>.xml` and its ribbon in `RibbonDiff.xml`; Entity.xml keeps empty
 * `<FormXml />`, `<SavedQueries />` and `<RibbonDiffXml />` in their place.
 */
export interface EntityIo {
  /** Serialises a split-out element as a file (adds the namespaces the document declared). */
  write(element: XmlElement): Buffer;
  /** Removes namespace declarations the document already makes. */
  reattach(element: XmlElement): XmlElement;
}

const SAFE_NAME = /^[A-Za-z0-9_.{}-]+$/;

function safe(name: string, what: string): string {
  if (!SAFE_NAME.test(name)) throw new InputError(`${what} "${name}" cannot be a file name`, { file: 'customizations.xml' });
  return name;
}

const placeholder = (name: string): XmlElement => ({ ...el(name), selfClosing: true });

/** Splits one `<Entity>` into its files, by path. */
export function splitEntity(entity: XmlElement, io: EntityIo): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const name = safe(textOf(firstChild(entity, 'Name')).trim(), 'table name');
  const base = `Entities/${name}`;
  const rest = cloneElement(entity);
  rest.children = rest.children.map((child) => {
    if (!isElement(child)) return child;
    if (child.name === 'SavedQueries') {
      for (const query of childElements(firstChild(child, 'savedqueries') ?? child, 'savedquery')) {
        const id = safe(textOf(firstChild(query, 'savedqueryid')).trim(), 'saved query id');
        files.set(`${base}/SavedQueries/${id}.xml`, io.write(el('savedqueries', {}, [query])));
      }
      return placeholder('SavedQueries');
    }
    if (child.name === 'FormXml') {
      for (const forms of childElements(child, 'forms')) {
        const type = safe(attr(forms, 'type') ?? 'main', 'form type');
        for (const form of childElements(forms, 'systemform')) {
          const id = safe(textOf(firstChild(form, 'formid')).trim(), 'form id');
          files.set(`${base}/FormXml/${type}/${id}.xml`, io.write(el('forms', {}, [form])));
        }
      }
      return placeholder('FormXml');
    }
    if (child.name === 'RibbonDiffXml') {
      if (child.children.some(isElement)) files.set(`${base}/RibbonDiff.xml`, io.write(child));
      return placeholder('RibbonDiffXml');
    }
    return child;
  });
  files.set(`${base}/Entity.xml`, io.write(rest));
  return files;
}

/** Puts every `Entities/<Name>/Entity.xml` of a folder back together, in folder-name order. */
export function mergeEntities(folder: Map<string, Buffer>, io: EntityIo): { entities: XmlElement[]; used: Set<string> } {
  const used = new Set<string>();
  const entities: XmlElement[] = [];
  const names = [...folder.keys()].sort();
  for (const entityPath of names.filter((n) => /^Entities\/[^/]+\/Entity\.xml$/.test(n))) {
    const base = entityPath.slice(0, -'/Entity.xml'.length);
    const entity = io.reattach(parseXmlBytes(folder.get(entityPath)!, { file: entityPath }).root);
    if (entity.name !== 'Entity') throw new InputError(`expected an <Entity> root element, found <${entity.name}>`, { file: entityPath });
    used.add(entityPath);
    const inFolder = (prefix: string) => names.filter((n) => n.startsWith(`${base}/${prefix}`) && n.endsWith('.xml'));
    const parse = (path: string) => {
      used.add(path);
      return io.reattach(parseXmlBytes(folder.get(path)!, { file: path }).root);
    };
    const queries = inFolder('SavedQueries/').flatMap((path) => childElements(parse(path), 'savedquery'));
    const formTypes = new Map<string, XmlElement[]>();
    for (const path of inFolder('FormXml/')) {
      const type = path.slice(`${base}/FormXml/`.length).split('/')[0]!;
      formTypes.set(type, [...(formTypes.get(type) ?? []), ...childElements(parse(path), 'systemform')]);
    }
    const ribbonPath = `${base}/RibbonDiff.xml`;
    const ribbon = folder.has(ribbonPath) ? parse(ribbonPath) : undefined;
    entity.children = entity.children.map((child) => {
      if (!isElement(child)) return child;
      if (child.name === 'SavedQueries' && queries.length > 0) return el('SavedQueries', {}, [el('savedqueries', {}, queries)]);
      if (child.name === 'FormXml' && formTypes.size > 0) return el('FormXml', {}, [...formTypes].map(([type, forms]) => el('forms', { type }, forms)));
      if (child.name === 'RibbonDiffXml' && ribbon) return ribbon;
      return child;
    });
    entities.push(entity);
  }
  return { entities, used };
}
