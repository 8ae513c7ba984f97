import { childElements, childText, firstChild } from '../../../xml/index.js';
import { SOLUTION_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';

const MANIFEST_CHILDREN = ['UniqueName', 'LocalizedNames', 'Version', 'Managed', 'Publisher', 'RootComponents'] as const;
const PUBLISHER_CHILDREN = ['UniqueName', 'CustomizationPrefix', 'CustomizationOptionValuePrefix'] as const;

/** solution.xml is ImportExportXml/SolutionManifest with identity, Managed flag, publisher and root components. */
export const manifestShape: SolutionRule = {
  id: 'manifest-shape',
  severity: 'error',
  description: 'solution.xml has the SolutionManifest elements an import needs',
  docsUrl: 'https://learn.microsoft.com/en-us/power-platform/alm/solution-packager-tool',
  check(context) {
    const root = context.xml.get(SOLUTION_XML);
    if (!root) return;
    const report = (message: string) => context.report({ entry: SOLUTION_XML, message });
    if (root.name !== 'ImportExportXml') return report(`root element is <${root.name}>, expected <ImportExportXml>`);
    const manifest = firstChild(root, 'SolutionManifest');
    if (!manifest) return report('<SolutionManifest> is missing');
    for (const name of MANIFEST_CHILDREN) if (!firstChild(manifest, name)) report(`<SolutionManifest> has no <${name}>`);
    const managed = childText(manifest, 'Managed');
    if (managed !== undefined && !['0', '1', '2'].includes(managed)) report(`<Managed> is "${managed}", expected 0 (unmanaged), 1 (managed) or 2 (both, in an unpacked folder)`);
    const uniqueName = childText(manifest, 'UniqueName');
    if (uniqueName !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(uniqueName)) report(`<UniqueName> "${uniqueName}" must be letters, digits and _`);
    const publisher = firstChild(manifest, 'Publisher');
    if (publisher) {
      for (const name of PUBLISHER_CHILDREN) if (!firstChild(publisher, name)) report(`<Publisher> has no <${name}>`);
      const prefix = childText(publisher, 'CustomizationPrefix');
      if (prefix !== undefined && !/^[a-z][a-z0-9]{1,7}$/.test(prefix)) report(`<CustomizationPrefix> "${prefix}" must be 2-8 lowercase letters or digits`);
    }
    for (const root of childElements(firstChild(manifest, 'RootComponents') ?? manifest, 'RootComponent')) {
      const type = root.attributes.find(([k]) => k === 'type')?.[1];
      if (!type) report('a <RootComponent> has no type');
      else if (/^\d+$/.test(type) && !root.attributes.some(([k]) => k === 'id' || k === 'schemaName')) report(`<RootComponent type="${type}"> has neither id nor schemaName`);
    }
  },
};
