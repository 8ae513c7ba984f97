import { attr, childElements } from '../../../xml/index.js';
import { CONTENT_TYPES_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';

/** [Content_Types].xml (Open Packaging Conventions) gives a type to every part: by extension or by override. */
export const contentTypes: SolutionRule = {
  id: 'content-types',
  severity: 'error',
  description: '[Content_Types].xml covers every file of the package',
  docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.io.packaging.package',
  check(context) {
    const types = context.xml.get(CONTENT_TYPES_XML);
    if (!types) return;
    if (types.name !== 'Types') {
      context.report({ entry: CONTENT_TYPES_XML, message: `root element is <${types.name}>, expected <Types>` });
      return;
    }
    // Extension matching is case-insensitive in OPC.
    const extensions = new Set(childElements(types, 'Default').map((d) => (attr(d, 'Extension') ?? '').toLowerCase()));
    const overrides = new Set(childElements(types, 'Override').map((o) => (attr(o, 'PartName') ?? '').toLowerCase()));
    for (const [entry] of context.files) {
      if (entry === CONTENT_TYPES_XML) continue;
      const base = entry.slice(entry.lastIndexOf('/') + 1);
      const dot = base.lastIndexOf('.');
      const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
      if ((extension && extensions.has(extension)) || overrides.has(`/${entry}`.toLowerCase())) continue;
      context.report({ entry, message: extension ? `no content type for extension "${extension}" in [Content_Types].xml` : `no Override for extension-less part /${entry} in [Content_Types].xml` });
    }
  },
};
