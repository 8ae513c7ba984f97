import { DOCS, type Rule } from '../types.js';
import { productNameIn } from './product-names.js';

/** Certification: description 30 to 500 characters, no Power Platform product names. */
export const infoDescription: Rule = {
  id: 'info-description',
  severity: 'error',
  description: 'info.description: 30 to 500 characters, no Power Platform product names',
  docsUrl: `${DOCS.submission}#step-2-prepare-the-connector-artifacts`,
  create: ({ index, report }) => ({
    document() {
      const info = index.root.info as Record<string, unknown> | undefined;
      const description = info?.description;
      if (typeof description !== 'string' || description.trim() === '') {
        report({ message: 'info.description is missing', path: ['info'] });
        return;
      }
      const path = ['info', 'description'];
      const length = description.trim().length;
      if (length < 30 || length > 500) report({ message: `info.description is ${length} characters: 30 to 500 expected`, path });
      const product = productNameIn(description);
      if (product) report({ message: `info.description must not contain the product name "${product}"`, path });
    },
  }),
};
