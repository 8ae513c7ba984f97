import { DOCS, type Rule } from '../types.js';

/**
 * Certification: a certified connector's colour is its brand's, never the default #007ee5 or
 * white #ffffff; independent-publisher connectors all use #da3b01.
 */
export const iconBrandColorCertified: Rule = {
  id: 'icon-brand-color-certified',
  severity: 'error',
  description: 'Certified connectors do not use #007ee5 or #ffffff; independent-publisher connectors use #da3b01',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    apiProperties(properties) {
      const color = properties.iconBrandColor;
      if (typeof color !== 'string') return;
      const path = ['properties', 'iconBrandColor'];
      const lower = color.toLowerCase();
      if (index.group?.toLowerCase() === 'independent-publisher-connectors') {
        if (lower !== '#da3b01') report({ message: `independent-publisher connectors use iconBrandColor "#da3b01", found "${color}"`, path, file: 'apiProperties' });
      } else if (lower === '#007ee5' || lower === '#ffffff') {
        report({ message: `iconBrandColor "${color}" is not allowed for certified connectors: use the brand's colour`, path, file: 'apiProperties' });
      }
    },
  }),
};
