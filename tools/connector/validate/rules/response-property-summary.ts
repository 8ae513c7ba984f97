import { isInternalOperation } from '../document-index.js';
import { DOCS, isObject, type Rule } from '../types.js';

/**
 * Response properties carry x-ms-summary: it names the dynamic content tokens flows pick from.
 * One finding per object schema (listing its unnamed properties) keeps big responses readable.
 */
export const responsePropertySummary: Rule = {
  id: 'response-property-summary',
  severity: 'warning',
  description: 'Properties of response schemas have x-ms-summary (the name of their dynamic content token)',
  docsUrl: `${DOCS.extensions}#x-ms-summary`,
  create: ({ report }) => ({
    schema(node) {
      if (!node.inResponse || !isObject(node.value.properties)) return;
      // An internal operation's output never reaches dynamic content (it feeds dropdowns, for instance).
      if (node.operation && isInternalOperation(node.operation)) return;
      // A webhook trigger's own response answers the subscription; its outputs are x-ms-notification-content.
      if (node.operation?.isWebhookTrigger) return;
      const unnamed = Object.entries(node.value.properties)
        .filter(([, property]) => isObject(property) && !('$ref' in property) && property['x-ms-visibility'] !== 'internal')
        // An object with its own properties is a group: the designer lists its children's tokens, each checked here.
        .filter(([, property]) => !(isObject((property as Record<string, unknown>).properties) && Object.keys((property as Record<string, Record<string, unknown>>).properties!).length > 0))
        .filter(([, property]) => {
          // The designer labels a token with x-ms-summary, else with the JSON Schema title (the wizard writes title).
          const label = (property as Record<string, unknown>)['x-ms-summary'] ?? (property as Record<string, unknown>).title;
          return typeof label !== 'string' || label.trim() === '';
        })
        .map(([name]) => name);
      if (unnamed.length === 0) return;
      const shown = unnamed.slice(0, 5).map((name) => `"${name}"`).join(', ');
      const more = unnamed.length > 5 ? ` and ${unnamed.length - 5} more` : '';
      const path = unnamed.length === 1 ? [...node.path, 'properties', unnamed[0]!] : [...node.path, 'properties'];
      report({ message: `${unnamed.length === 1 ? 'response property' : `${unnamed.length} response properties`} ${shown}${more} ${unnamed.length === 1 ? 'has' : 'have'} no x-ms-summary`, path });
    },
  }),
};
