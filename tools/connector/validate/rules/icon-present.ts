import { DOCS, type Rule } from '../types.js';

/** A connector folder carries its icon (icon.png), which paconn and pac connector upload with it. */
export const iconPresent: Rule = {
  id: 'icon-present',
  severity: 'info',
  description: 'The connector folder has an icon.png (otherwise the platform shows a default icon)',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    document() {
      if (index.folder !== undefined && !index.icon) report({ message: 'no icon.png beside the swagger: the connector gets a default icon (paconn --icon, pac connector --icon-file)', path: [] });
    },
  }),
};
