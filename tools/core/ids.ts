import { v5 as uuidv5 } from 'uuid';

/**
 * ppkit's fixed UUID v5 namespace. Every component id (flow, connector, environment variable,
 * connection reference, table) is derived from its kind and name under it, so the same sources give
 * the same ids, byte-identical zips, and a new version keeps its component ids. Never change it:
 * a changed id makes Power Platform see a new component on upgrade.
 */
export const PPKIT_NAMESPACE = '6f0c3c8e-9d51-4b8a-8a49-2f3f4d7c1a55';

/** Deterministic lowercase GUID for a component: `componentGuid('workflow', '[Child] Admin | Sync Logs')`. */
export function componentGuid(kind: string, name: string): string {
  return uuidv5(`${kind}:${name}`, PPKIT_NAMESPACE);
}
