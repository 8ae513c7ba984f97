import type Database from 'better-sqlite3';
import type { Column, Table, TableSet } from '../model/table.js';
import { quoteName } from './sql-names.js';

/**
 * Creates one SQL table per Dataverse table: typed columns (text columns compare without case,
 * as Dataverse does), the primary key, lookups as foreign keys that clear themselves when the
 * related row is deleted (Dataverse's default "remove link" behaviour), and indexes on lookups and
 * alternate keys (unique). An existing database file gains the columns it lacks.
 */
export function applySchema(db: Database.Database, tables: TableSet): void {
  const apply = db.transaction(() => {
    for (const table of tables.tables) {
      const existing = db.prepare(`PRAGMA table_info(${quoteName(table.logicalName)})`).all() as Array<{ name: string }>;
      if (existing.length === 0) {
        db.exec(createTableSql(table, tables));
      } else {
        const have = new Set(existing.map((c) => c.name.toLowerCase()));
        for (const column of table.columns) {
          if (!have.has(column.logicalName)) db.exec(`ALTER TABLE ${quoteName(table.logicalName)} ADD COLUMN ${columnSql(column, table, tables)}`);
        }
      }
      for (const column of table.columns) {
        if (column.kind.name !== 'lookup') continue;
        db.exec(`CREATE INDEX IF NOT EXISTS ${quoteName(`ix_${table.logicalName}_${column.logicalName}`)} ON ${quoteName(table.logicalName)} (${quoteName(column.logicalName)})`);
      }
      for (const key of table.alternateKeys) {
        const columns = key.columns.map((c) => quoteName(c.logicalName)).join(', ');
        db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${quoteName(`ak_${table.logicalName}_${key.name}`)} ON ${quoteName(table.logicalName)} (${columns})`);
      }
    }
  });
  apply();
}

function createTableSql(table: Table, tables: TableSet): string {
  const columns = table.columns.map((column) => columnSql(column, table, tables));
  return `CREATE TABLE ${quoteName(table.logicalName)} (\n  ${columns.join(',\n  ')}\n)`;
}

function columnSql(column: Column, table: Table, tables: TableSet): string {
  let sql = `${quoteName(column.logicalName)} ${column.kind.sqlType}`;
  if (column.kind.noCase) sql += ' COLLATE NOCASE';
  if (column === table.primaryId) sql += ' PRIMARY KEY NOT NULL';
  if (column.kind.name === 'lookup') {
    const target = tables.byLogicalName.get(column.target!)!;
    sql += ` REFERENCES ${quoteName(target.logicalName)} (${quoteName(target.primaryId.logicalName)}) ON DELETE SET NULL`;
  }
  return sql;
}
