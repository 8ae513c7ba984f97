/** A solution's files in zip layout (`solution.xml`, `Workflows/x.json`...), path -> bytes. */
export type PackageFiles = Map<string, Buffer>;

export const SOLUTION_XML = 'solution.xml';
export const CUSTOMIZATIONS_XML = 'customizations.xml';
export const CONTENT_TYPES_XML = '[Content_Types].xml';

/**
 * The fixed entry order of every zip ppkit writes: customizations.xml, solution.xml, the component
 * files by ordinal path, and [Content_Types].xml last (the order of Power Platform's 2023+ exports).
 * Ordinal, not locale, comparison: the order must not depend on the machine's language.
 */
export function zipEntryOrder(names: Iterable<string>): string[] {
  const rank = (name: string) => (name === CUSTOMIZATIONS_XML ? 0 : name === SOLUTION_XML ? 1 : name === CONTENT_TYPES_XML ? 3 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
