/** Power Platform product names certification keeps out of a connector's title and description. */
export const PRODUCT_NAMES = ['Power Apps', 'PowerApps', 'Power Automate', 'Microsoft Flow', 'Logic Apps', 'Power Platform', 'Copilot Studio', 'Power Virtual Agents', 'Power BI'];

export function productNameIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  return PRODUCT_NAMES.find((name) => lower.includes(name.toLowerCase()));
}
