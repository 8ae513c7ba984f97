/**
 * An ordered XML tree: element order, attribute order, text and the difference between `<a />`
 * and `<a></a>` are kept, so a solution's XML can be split and put back together unchanged.
 */
export interface XmlElement {
  name: string;
  /** In document order. */
  attributes: [string, string][];
  children: XmlNode[];
  /** `<a />` rather than `<a></a>`; only meaningful when there are no children. */
  selfClosing: boolean;
}

export type XmlNode = XmlElement | string;

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** Builds an element. Children that are `undefined` or `false` are left out (optional parts). */
export function el(name: string, attributes: Record<string, string | undefined> = {}, children: readonly (XmlNode | undefined | false)[] = []): XmlElement {
  const kept = children.filter((c): c is XmlNode => c !== undefined && c !== false);
  return {
    name,
    attributes: Object.entries(attributes).filter((a): a is [string, string] => a[1] !== undefined),
    children: kept,
    selfClosing: kept.length === 0,
  };
}

/** `<name>text</name>`; an empty string gives `<name></name>` as .NET writes an empty value. */
export function textEl(name: string, text: string | number, attributes: Record<string, string | undefined> = {}): XmlElement {
  const value = String(text);
  return { ...el(name, attributes), children: value === '' ? [] : [value], selfClosing: false };
}

export function attr(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}

export function setAttr(element: XmlElement, name: string, value: string): void {
  const existing = element.attributes.find(([key]) => key === name);
  if (existing) existing[1] = value;
  else element.attributes.push([name, value]);
}

export function removeAttr(element: XmlElement, name: string): void {
  element.attributes = element.attributes.filter(([key]) => key !== name);
}

/** Element children, optionally only those called `name` (case-sensitive, as XML is). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** Concatenated text of an element's direct text children (entities already decoded). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.filter((c): c is string => typeof c === 'string').join('');
}

/** Text of the child `name`, or undefined when that child is missing. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = firstChild(element, name);
  return child ? textOf(child).trim() : undefined;
}

/** Deep copy, so a split or a merge never shares nodes between two documents. */
export function cloneElement(element: XmlElement): XmlElement {
  return {
    name: element.name,
    attributes: element.attributes.map(([k, v]) => [k, v]),
    children: element.children.map((c) => (typeof c === 'string' ? c : cloneElement(c))),
    selfClosing: element.selfClosing,
  };
}

/** Structural equality that ignores whitespace-only text between elements (indentation). */
export function sameXml(a: XmlElement, b: XmlElement): boolean {
  if (a.name !== b.name || a.attributes.length !== b.attributes.length) return false;
  for (let i = 0; i < a.attributes.length; i++) {
    if (a.attributes[i]![0] !== b.attributes[i]![0] || a.attributes[i]![1] !== b.attributes[i]![1]) return false;
  }
  const significant = (e: XmlElement) => {
    const hasElements = e.children.some(isElement);
    return e.children.filter((c) => !(hasElements && typeof c === 'string' && c.trim() === ''));
  };
  const ac = significant(a);
  const bc = significant(b);
  if (ac.length !== bc.length) return false;
  return ac.every((child, i) => {
    const other = bc[i]!;
    if (typeof child === 'string' || typeof other === 'string') return child === other;
    return sameXml(child, other);
  });
}
