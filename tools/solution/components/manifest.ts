import { el, textEl, type XmlElement } from '../../xml/index.js';
import { LANGUAGE_CODE, XSI_NAMESPACE } from '../component-types.js';
import type { SolutionSource } from '../model.js';

/** One `<RootComponent>`: by id (flows, connectors) and/or schema name (tables, connectors, env vars). */
export interface RootComponent {
  type: number;
  id?: string;
  schemaName?: string;
}

/** The ImportExportXml version Power Platform writes today, and the package format version. */
export const IMPORT_EXPORT_VERSION = '9.2.24012.196';
export const SOLUTION_PACKAGE_VERSION = '9.2';

const ADDRESS_FIELDS = [
  'City', 'County', 'Country', 'Fax', 'FreightTermsCode', 'ImportSequenceNumber', 'Latitude', 'Line1', 'Line2', 'Line3',
  'Longitude', 'Name', 'PostalCode', 'PostOfficeBox', 'PrimaryContactName', 'ShippingMethodCode', 'StateOrProvince',
  'Telephone1', 'Telephone2', 'Telephone3', 'TimeZoneRuleVersionNumber', 'UPSZone', 'UTCOffset', 'UTCConversionTimeZoneCode',
];

const nil = (name: string) => textEl(name, '', { 'xsi:nil': 'true' });

function address(number: number): XmlElement {
  return el('Address', {}, [
    textEl('AddressNumber', number),
    textEl('AddressTypeCode', 1),
    ...ADDRESS_FIELDS.map((field) => (field === 'ShippingMethodCode' ? textEl(field, 1) : nil(field))),
  ]);
}

/**
 * solution.xml: ImportExportXml / SolutionManifest with the identity, the Managed flag (1 managed,
 * 0 unmanaged), the publisher with its two (empty) addresses, the root components and the missing
 * dependencies (none: this solution carries everything it uses).
 */
export function solutionManifest(source: SolutionSource, managed: boolean, roots: readonly RootComponent[]): XmlElement {
  const publisher = source.publisher;
  return el(
    'ImportExportXml',
    { version: IMPORT_EXPORT_VERSION, SolutionPackageVersion: SOLUTION_PACKAGE_VERSION, languagecode: LANGUAGE_CODE, generatedBy: 'CrmLive', 'xmlns:xsi': XSI_NAMESPACE },
    [
      el('SolutionManifest', {}, [
        textEl('UniqueName', source.uniqueName),
        el('LocalizedNames', {}, [el('LocalizedName', { description: source.displayName, languagecode: LANGUAGE_CODE })]),
        source.description !== undefined
          ? el('Descriptions', {}, [el('Description', { description: source.description, languagecode: LANGUAGE_CODE })])
          : el('Descriptions'),
        textEl('Version', source.version),
        textEl('Managed', managed ? 1 : 0),
        el('Publisher', {}, [
          textEl('UniqueName', publisher.uniqueName),
          el('LocalizedNames', {}, [el('LocalizedName', { description: publisher.displayName, languagecode: LANGUAGE_CODE })]),
          el('Descriptions'),
          nil('EMailAddress'),
          nil('SupportingWebsiteUrl'),
          textEl('CustomizationPrefix', publisher.customizationPrefix),
          textEl('CustomizationOptionValuePrefix', publisher.optionValuePrefix),
          el('Addresses', {}, [address(1), address(2)]),
        ]),
        el(
          'RootComponents',
          {},
          roots.map((root) => el('RootComponent', { type: String(root.type), id: root.id !== undefined ? `{${root.id}}` : undefined, schemaName: root.schemaName, behavior: '0' })),
        ),
        el('MissingDependencies'),
      ]),
    ],
  );
}
