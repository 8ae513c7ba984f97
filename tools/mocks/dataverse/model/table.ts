import type { ColumnKind, ColumnTypeName } from './column-types/index.js';

/** A column as a table definition (YAML or code) writes it. */
export interface ColumnDefinition {
  type: ColumnTypeName;
  /** Lookups: the logical name (or entity set name) of the table the lookup points to. */
  target?: string;
  /** Text columns: longest value accepted. */
  maxLength?: number;
  /** Choice columns: value -> label (the label shows as a FormattedValue annotation). */
  options?: Record<string, string>;
  /**
   * Lookups: the one-to-many relationship's schema name, which is also the collection-valued
   * navigation property on the target table (`contact_customer_accounts` on account for
   * contact.parentcustomerid). Default: `<target>_<table>_<lookup>`.
   */
  relationship?: string;
}

/**
 * A table (entity) as given to `defineTables`. Column keys are schema names: the logical name is
 * their lowercase form; for a lookup the schema name is also the navigation property that
 * `<name>@odata.bind` uses (`admin_AppLookup`), and the value reads back as `_admin_applookup_value`.
 */
export interface TableDefinition {
  logicalName: string;
  /** Default: logical name + `s`. */
  entitySetName?: string;
  /** Default: logical name + `id`. */
  primaryId?: string;
  primaryName?: string;
  columns?: Record<string, ColumnTypeName | ColumnDefinition>;
  /** Alternate keys: key name -> the columns that make it. */
  alternateKeys?: Record<string, string[]>;
}

/** A column of a resolved table. */
export interface Column {
  logicalName: string;
  schemaName: string;
  kind: ColumnKind;
  /** Property name in Web API JSON: the logical name, or `_x_value` for lookups. */
  jsonName: string;
  /** Lookups: the target table's logical name. */
  target?: string;
  maxLength?: number;
  options?: ReadonlyMap<number, string>;
  /** Set by the service (createdon, modifiedon, versionnumber): refused in request bodies. */
  readOnly?: boolean;
}

/** A lookup seen from the table it points to: `<name>` lists the rows whose `lookup` holds this row. */
export interface OneToManyRelationship {
  name: string;
  /** The table holding the lookup (logical name). */
  referencingTable: string;
  lookup: Column;
}

export interface AlternateKey {
  name: string;
  columns: readonly Column[];
}

/** A resolved table: what the store and the routes work from. */
export interface Table {
  logicalName: string;
  entitySetName: string;
  primaryId: Column;
  primaryName?: Column;
  columns: readonly Column[];
  /** By JSON property name (`admin_title`, `_admin_applookup_value`). */
  byJsonName: ReadonlyMap<string, Column>;
  /** Lookups by navigation property (schema name, case-sensitive as in Dataverse). */
  byNavigation: ReadonlyMap<string, Column>;
  /**
   * Collection-valued navigation properties: one-to-many relationships in which this table is the
   * referenced one, by relationship name (filled once every table is resolved).
   */
  relationships: ReadonlyMap<string, OneToManyRelationship>;
  alternateKeys: readonly AlternateKey[];
}

/** Every table of one emulated environment. */
export interface TableSet {
  tables: readonly Table[];
  byEntitySet: ReadonlyMap<string, Table>;
  byLogicalName: ReadonlyMap<string, Table>;
}
