import { DOCS, type Rule } from '../types.js';

/** `properties.iconBrandColor` is required and is a "#rrggbb" hex colour. */
export const iconBrandColor: Rule = {
  id: 'icon-brand-color',
  severity: 'error',
  description: 'apiProperties iconBrandColor is present and a "#rrggbb" colour',
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ index, report }) => ({
    apiProperties(properties) {
      const color = properties.iconBrandColor;
      if (color === undefined) report({ message: 'iconBrandColor is required (the icon background, "#rrggbb")', path: ['properties'], file: 'apiProperties' });
      else if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) {
        report({ message: `iconBrandColor must be a "#rrggbb" hex colour, found ${JSON.stringify(color)}`, path: ['properties', 'iconBrandColor'], file: 'apiProperties' });
      }
      void index;
    },
  }),
};
