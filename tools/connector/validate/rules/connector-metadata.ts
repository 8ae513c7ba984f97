import { DOCS, isObject, type Rule } from '../types.js';

/** The 19 categories Microsoft lists for certified connectors (InvalidConnectorCategory). */
export const CONNECTOR_CATEGORIES = [
  'AI',
  'Business Management',
  'Business Intelligence',
  'Collaboration',
  'Commerce',
  'Communication',
  'Content and Files',
  'Finance',
  'Data',
  'Human Resources',
  'Internet of Things',
  'IT Operations',
  'Lifestyle and Entertainment',
  'Marketing',
  'Productivity',
  'Sales and CRM',
  'Security',
  'Social Media',
  'Website',
];

/**
 * x-ms-connector-metadata: Website and Privacy policy URLs and Categories (at most two, from the
 * list, separated by ";") are required for certification (ConnectorMetadataPropertiesMissing).
 */
export const connectorMetadata: Rule = {
  id: 'connector-metadata',
  severity: 'error',
  description: 'x-ms-connector-metadata lists Website, Privacy policy and up to 2 known Categories (ConnectorMetadataPropertiesMissing, InvalidConnectorCategory)',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    document() {
      const metadata = index.root['x-ms-connector-metadata'];
      if (metadata === undefined) {
        report({ message: "x-ms-connector-metadata is required: [{propertyName: 'Website'}, {propertyName: 'Privacy policy'}, {propertyName: 'Categories'}]", path: [] });
        return;
      }
      if (!Array.isArray(metadata)) {
        report({ message: 'x-ms-connector-metadata must be an array of {propertyName, propertyValue}', path: ['x-ms-connector-metadata'] });
        return;
      }
      const found = new Map<string, { value: unknown; i: number }>();
      metadata.forEach((entry, i) => {
        if (isObject(entry) && typeof entry.propertyName === 'string') found.set(entry.propertyName.toLowerCase(), { value: entry.propertyValue, i });
      });
      for (const name of ['Website', 'Privacy policy']) {
        const entry = found.get(name.toLowerCase());
        if (!entry) report({ message: `x-ms-connector-metadata has no "${name}" entry`, path: ['x-ms-connector-metadata'] });
        else if (typeof entry.value !== 'string' || !/^https?:\/\/\S+$/i.test(entry.value.trim())) {
          report({ message: `x-ms-connector-metadata "${name}" must be an absolute URL, found ${JSON.stringify(entry.value)}`, path: ['x-ms-connector-metadata', entry.i, 'propertyValue'] });
        }
      }
      const categories = found.get('categories');
      if (!categories) {
        report({ message: 'x-ms-connector-metadata has no "Categories" entry', path: ['x-ms-connector-metadata'] });
        return;
      }
      const path = ['x-ms-connector-metadata', categories.i, 'propertyValue'];
      const list = typeof categories.value === 'string' ? categories.value.split(';').map((c) => c.trim()).filter(Boolean) : [];
      if (list.length === 0) report({ message: 'Categories is empty: name one or two categories separated by ";"', path });
      if (list.length > 2) report({ message: `Categories lists ${list.length} categories: at most 2 allowed`, path });
      for (const category of list) {
        if (!CONNECTOR_CATEGORIES.includes(category)) report({ message: `unknown category "${category}": expected one of ${CONNECTOR_CATEGORIES.join(', ')}`, path });
      }
    },
  }),
};
