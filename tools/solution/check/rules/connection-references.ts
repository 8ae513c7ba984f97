import { childElements, childText, firstChild } from '../../../xml/index.js';
import { CUSTOMIZATIONS_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

/**
 * Each connection reference has a logical name and a connector id of the form
 * /providers/Microsoft.PowerApps/apis/shared_<name>; one for a custom connector names a connector
 * of the solution (or one it declares as a missing dependency).
 */
export const connectionReferences: SolutionRule = {
  id: 'connection-references',
  severity: 'error',
  description: 'connection references are complete and point at a connector',
  docsUrl: 'https://learn.microsoft.com/en-us/power-apps/maker/data-platform/create-connection-reference',
  check(context) {
    const facts = packageFacts(context);
    if (!facts.customizations) return;
    const section = firstChild(facts.customizations, 'connectionreferences');
    const seen = new Set<string>();
    for (const reference of section ? childElements(section, 'connectionreference') : []) {
      const name = reference.attributes.find(([k]) => k === 'connectionreferencelogicalname')?.[1] ?? '';
      const report = (message: string) => context.report({ entry: CUSTOMIZATIONS_XML, message });
      if (!name) {
        report('a <connectionreference> has no connectionreferencelogicalname');
        continue;
      }
      if (seen.has(name.toLowerCase())) report(`connection reference "${name}" is declared twice`);
      seen.add(name.toLowerCase());
      const connectorId = childText(reference, 'connectorid') ?? '';
      if (!/^\/providers\/Microsoft\.PowerApps\/apis\/shared_[A-Za-z0-9_.-]+$/i.test(connectorId)) report(`connection reference "${name}" has connectorid "${connectorId}", expected /providers/Microsoft.PowerApps/apis/shared_<connector>`);
      const custom = firstChild(reference, 'customconnectorid');
      const customId = custom ? (childText(custom, 'connectorid') ?? '').replace(/[{}]/g, '').toLowerCase() : undefined;
      if (customId !== undefined && !facts.connectors.some((c) => c.id === customId) && !facts.missing.some((m) => m.type === '372' && m.key === customId)) {
        report(`connection reference "${name}" is for custom connector ${customId}, which is neither in the solution nor a missing dependency`);
      }
    }
  },
};
