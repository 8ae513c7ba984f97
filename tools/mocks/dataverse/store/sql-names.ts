/** Quotes an SQL identifier. Table and column names are checked by defineTables; quoting keeps keywords safe. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
