import { DOCS, type Rule } from '../types.js';

/** Certification asks for a square PNG of 100 to 230 pixels, under 1 MB. */
export const iconFormat: Rule = {
  id: 'icon-format',
  severity: 'warning',
  description: 'icon.png is a square PNG from 100x100 to 230x230 pixels and under 1 MB',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    document() {
      const icon = index.icon;
      if (!icon) return;
      const where = `icon.png (${icon.file})`;
      if (icon.width === undefined || icon.height === undefined) report({ message: `${where} is not a PNG image`, path: [] });
      else if (icon.width !== icon.height || icon.width < 100 || icon.width > 230) report({ message: `${where} is ${icon.width}x${icon.height}: use a square from 100x100 to 230x230 pixels`, path: [] });
      if (icon.bytes > 1024 * 1024) report({ message: `${where} is ${icon.bytes} bytes: keep it under 1 MB`, path: [] });
    },
  }),
};
