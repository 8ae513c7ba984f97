import { DOCS, type Rule } from '../types.js';

/** x-ms-notification-content belongs to webhook triggers only; x-ms-notification to trigger operations. */
export const notificationExtensions: Rule = {
  id: 'notification-extensions',
  severity: 'error',
  description: 'x-ms-notification-content only on webhook triggers, x-ms-notification only on triggers',
  docsUrl: `${DOCS.extensions}#x-ms-notification-content`,
  create: ({ report }) => ({
    operation(op) {
      if (op.value['x-ms-notification-content'] !== undefined && !op.isTrigger) {
        report({ message: 'x-ms-notification-content is only allowed on a webhook trigger (an operation with x-ms-trigger)', path: [...op.path, 'x-ms-notification-content'] });
      }
      if (op.value['x-ms-notification'] !== undefined && !op.isTrigger) {
        report({ message: 'x-ms-notification is only allowed on trigger operations', path: [...op.path, 'x-ms-notification'] });
      }
    },
  }),
};
