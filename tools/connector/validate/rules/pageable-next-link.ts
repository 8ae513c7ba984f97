import { DOCS, isObject, type Rule } from '../types.js';

/** InvalidNextLinkNameValue: x-ms-pageable's nextLinkName is "nextLink" or "@odata.nextLink". */
export const pageableNextLink: Rule = {
  id: 'pageable-next-link',
  severity: 'error',
  description: 'x-ms-pageable nextLinkName is "nextLink" or "@odata.nextLink" (InvalidNextLinkNameValue)',
  docsUrl: DOCS.validator,
  create: ({ report }) => ({
    operation(op) {
      const pageable = op.value['x-ms-pageable'];
      if (pageable === undefined) return;
      const path = [...op.path, 'x-ms-pageable'];
      if (!isObject(pageable)) report({ message: 'x-ms-pageable must be an object with "nextLinkName"', path });
      else if (pageable.nextLinkName !== 'nextLink' && pageable.nextLinkName !== '@odata.nextLink') {
        report({ message: `nextLinkName must be "nextLink" or "@odata.nextLink", found ${JSON.stringify(pageable.nextLinkName)}`, path: [...path, 'nextLinkName'] });
      }
    },
  }),
};
