import { el, type XmlElement } from '../../xml/index.js';
import { LANGUAGE_CODE, XSI_NAMESPACE } from '../component-types.js';

export interface CustomizationsParts {
  entities: XmlElement[];
  workflows: XmlElement[];
  connectors: XmlElement[];
  connectionReferences: XmlElement[];
}

/**
 * Names of customizations.xml's children in the order exports write them. Components the solution
 * does not have stay as empty elements, as in real exports.
 */
export const CUSTOMIZATIONS_ORDER = [
  'Entities', 'Roles', 'Workflows', 'FieldSecurityProfiles', 'Templates', 'EntityMaps', 'EntityRelationships',
  'OrganizationSettings', 'optionsets', 'CustomControls', 'EntityDataProviders', 'Connectors', 'connectionreferences', 'Languages',
] as const;

export function customizationsXml(parts: CustomizationsParts): XmlElement {
  const children: Record<(typeof CUSTOMIZATIONS_ORDER)[number], XmlElement | undefined> = {
    Entities: el('Entities', {}, parts.entities),
    Roles: el('Roles'),
    Workflows: el('Workflows', {}, parts.workflows),
    FieldSecurityProfiles: el('FieldSecurityProfiles'),
    Templates: el('Templates'),
    EntityMaps: el('EntityMaps'),
    EntityRelationships: el('EntityRelationships'),
    OrganizationSettings: el('OrganizationSettings'),
    optionsets: el('optionsets'),
    CustomControls: el('CustomControls'),
    EntityDataProviders: el('EntityDataProviders'),
    // Exports leave Connectors out entirely when there is none.
    Connectors: parts.connectors.length > 0 ? el('Connectors', {}, parts.connectors) : undefined,
    connectionreferences: parts.connectionReferences.length > 0 ? el('connectionreferences', {}, parts.connectionReferences) : undefined,
    Languages: el('Languages', {}, [el('Language', {}, [LANGUAGE_CODE])]),
  };
  return el('ImportExportXml', { 'xmlns:xsi': XSI_NAMESPACE }, CUSTOMIZATIONS_ORDER.map((name) => children[name]));
}
