import { el, serializeXml } from '../../xml/index.js';

const PACKAGE_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OCTET_STREAM = 'application/octet-stream';
export const CONTENT_TYPES_FILE = '[Content_Types].xml';

/**
 * `[Content_Types].xml` (Open Packaging Conventions): one `Default` per file extension present, in
 * order of first use with `xml` first (case kept, `Png` and `png` are two), and an `Override` for
 * each extension-less part. Written on one line with a BOM, as exports have it.
 */
export function contentTypesXml(entryNames: readonly string[]): Buffer {
  const extensions: string[] = ['xml'];
  const overrides: string[] = [];
  for (const name of entryNames) {
    if (name === CONTENT_TYPES_FILE) continue;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    if (dot <= 0 || dot === base.length - 1) overrides.push(`/${name}`);
    else if (!extensions.includes(base.slice(dot + 1))) extensions.push(base.slice(dot + 1));
  }
  const root = el('Types', { xmlns: PACKAGE_CONTENT_TYPES }, [
    ...extensions.map((extension) => el('Default', { Extension: extension, ContentType: OCTET_STREAM })),
    ...overrides.map((part) => el('Override', { PartName: part, ContentType: OCTET_STREAM })),
  ]);
  return Buffer.from(serializeXml(root, { bom: true, indent: false }), 'utf8');
}
