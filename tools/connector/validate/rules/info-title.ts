import { DOCS, type Rule } from '../types.js';
import { productNameIn } from './product-names.js';

/** Certification: title exists, is at most 30 characters, has no "API"/"Connector"/product names, ends alphanumeric. */
export const infoTitle: Rule = {
  id: 'info-title',
  severity: 'error',
  description: 'info.title: present, at most 30 characters, no "API", "Connector" or Power Platform product names, ends with a letter or digit',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    document() {
      const info = index.root.info as Record<string, unknown> | undefined;
      const title = info?.title;
      if (typeof title !== 'string' || title.trim() === '') {
        report({ message: 'info.title is missing', path: ['info'] });
        return;
      }
      const path = ['info', 'title'];
      if (title.length > 30) report({ message: `info.title is ${title.length} characters: at most 30 allowed`, path });
      const word = /\b(api|connector)\b/i.exec(title);
      if (word) report({ message: `info.title must not contain the word "${word[1]}"`, path });
      const product = productNameIn(title);
      if (product) report({ message: `info.title must not contain the product name "${product}"`, path });
      if (!/[A-Za-z0-9]$/.test(title)) report({ message: 'info.title must end with a letter or digit (no trailing space, dot or bracket)', path });
    },
  }),
};
