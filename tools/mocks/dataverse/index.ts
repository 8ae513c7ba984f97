/** The Dataverse emulator: table definitions, SQLite store, Web API server. */
export { defineTables } from './model/define-tables.js';
export { loadTablesFiles, COE_CORE_TABLES_FILE } from './model/load-tables.js';
export { inferTableFromRecord } from './model/infer-table.js';
export type { TableDefinition, ColumnDefinition, Table, TableSet, Column } from './model/table.js';
export { DataverseStore, type StoreOptions, type SynchronousMode, type QueryResult, type Row, type UpsertResult } from './store/dataverse-store.js';
export { DataverseError, ErrorCodes } from './store/dataverse-error.js';
export type { QueryRequest } from './odata/query-options.js';
export { startDataverse, type StartDataverseOptions, type RunningDataverse } from './http/start-dataverse.js';
