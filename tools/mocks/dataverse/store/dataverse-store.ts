import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { StorageValue } from '../model/column-types/index.js';
import type { Column, Table, TableSet } from '../model/table.js';
import { filterToSql, type SqlFragment } from '../odata/filter-sql.js';
import { parseFilter } from '../odata/filter-parser.js';
import { fillTemplate, guidTemplate, templateSlots, type TemplatedFragment } from '../odata/guid-template.js';
import { parseKeySegment, type RecordKey } from '../odata/key-segment.js';
import { MAX_PAGE_SIZE, parseSelect, type QueryRequest } from '../odata/query-options.js';
import { resolveProperty } from '../odata/resolve-property.js';
import { formatSkipToken, parseSkipToken } from '../odata/skip-token.js';
import { DataverseError, dataverseErrors } from './dataverse-error.js';
import { readRecordValues } from './record-values.js';
import { shapeRow, shapeSql, type Row, type RowShape } from './row-shape.js';
import { applySchema } from './schema-sql.js';
import { quoteName } from './sql-names.js';

export type { Row, RecordKey };

export interface StoreOptions {
  tables: TableSet;
  /** SQLite file, or `:memory:` (the default). A file is opened in WAL mode. */
  dbFile?: string;
  /** Clock for createdon/modifiedon (tests pass a fixed one). */
  now?: () => Date;
  /**
   * SQLite `synchronous` for a file database (WAL mode). Every mode keeps each committed row when
   * the process is killed; they differ on an operating-system crash or power cut: `off` (the
   * default, fastest) may lose recent commits or damage the file, `normal` may lose the last
   * commits but stays consistent, `full` loses nothing.
   */
  synchronous?: SynchronousMode;
}

export type SynchronousMode = 'off' | 'normal' | 'full';

export interface ReadOptions {
  select?: readonly string[] | string;
  /** Add FormattedValue and lookup annotations (`Prefer: odata.include-annotations="*"`). */
  annotations?: boolean;
  /** Single-valued navigation properties to expand. */
  expand?: QueryRequest['expand'];
}

export interface WriteOptions {
  /** `If-Match`: `*` (the row must exist) or an etag `W/"123"` (it must be that version). */
  ifMatch?: string;
  /** `If-None-Match: *`: the row must not exist (no update). */
  ifNoneMatch?: string;
  /** Read the row back after the write (`Prefer: return=representation`), as `retrieve` would. */
  read?: ReadOptions;
}

export interface QueryResult {
  rows: Row[];
  /** With `count: true`: the number of matching rows, at most 5,000 as in Dataverse. */
  count?: number;
  /** Set when more rows follow: pass it back as `skipToken` for the next page. */
  nextSkipToken?: string;
  /** The page size used, when paging was asked for. */
  pageSize?: number;
}

export interface UpsertResult {
  id: string;
  created: boolean;
  /** The row as stored, when `read` was given. */
  row?: Row;
}

const STATEMENT_CACHE_LIMIT = 500;
const RECENT_GUID_FILTERS = 64;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const GUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The Dataverse emulator's storage: one SQLite table per Dataverse table, Web API semantics
 * (duplicate keys, upsert, conditional writes, lookups by @odata.bind, OData queries) without HTTP.
 * Every write is one SQLite transaction, so a killed process loses no committed row.
 */
export class DataverseStore {
  readonly tables: TableSet;
  readonly db: Database.Database;
  private readonly now: () => Date;
  private version: number;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly filters = new Map<string, SqlFragment>();
  private readonly recentGuidFilters = new Set<string>();
  /** Compiled filter forms by table and template text; null where the form cannot be reused. */
  private readonly templates = new Map<string, TemplatedFragment | null>();
  private readonly insertPlans = new Map<Table, InsertPlan>();
  /** One transaction function for every write: better-sqlite3 builds several objects per `db.transaction()`. */
  private readonly inTransaction: (work: () => unknown) => unknown;
  /** Row shapes and their SQL column lists by table, $select and annotations (a flow asks the same few again and again). */
  private readonly shapes = new Map<string, CachedShape>();
  /** The existence check of an upsert or delete, by table and key condition (built once, not per write). */
  private readonly finds = new Map<Table, Map<string, Database.Statement>>();
  private stamp = { second: NaN, text: '' };

  constructor(options: StoreOptions) {
    this.tables = options.tables;
    this.now = options.now ?? (() => new Date());
    const file = options.dbFile ?? ':memory:';
    this.db = new Database(file);
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL');
    // WAL: a commit is in the WAL file (the OS's cache) when run() returns, so a killed process
    // loses nothing committed; fsync only matters for OS crashes and costs most of the write time.
    const synchronous = options.synchronous ?? 'off';
    if (!['off', 'normal', 'full'].includes(synchronous)) throw new Error(`synchronous must be off, normal or full, got ${String(synchronous)}`);
    this.db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
    this.db.pragma('foreign_keys = ON');
    applySchema(this.db, this.tables);
    this.inTransaction = this.db.transaction((work: () => unknown) => work());
    this.version = 0;
    for (const table of this.tables.tables) {
      const row = this.db.prepare(`SELECT MAX("versionnumber") AS v FROM ${quoteName(table.logicalName)}`).get() as { v: number | null };
      this.version = Math.max(this.version, row.v ?? 0);
    }
  }

  /** The table behind an entity set name, or Dataverse's 404 for an unknown segment. */
  table(entitySet: string): Table {
    const table = this.tables.byEntitySet.get(entitySet);
    if (!table) throw dataverseErrors.resourceNotFound(entitySet);
    return table;
  }

  /** Checks a $select list against a table before a write, so a bad list fails before anything is stored. */
  checkSelect(entitySet: string, select: readonly string[] | undefined): void {
    this.shape(this.table(entitySet), { select });
  }

  /** Runs `work` in one transaction (a $batch changeset): all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.inTransaction(work) as T;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Creates a row from a Web API body. A primary key already present is Dataverse's duplicate-key
   * error (412, 0x80040237), as is a second row with the same alternate key.
   */
  create(entitySet: string, body: unknown, read?: ReadOptions): { id: string; row?: Row } {
    const table = this.table(entitySet);
    const record = readRecordValues(table, body);
    const id = record.id ?? randomUUID();
    // A deep insert writes several rows: all of them or none.
    if (record.binds.some((b) => b.body !== undefined)) {
      this.transaction(() => this.insert(table, id, record.values, record.binds));
      return read ? { id, row: this.retrieve(entitySet, id, read) } : { id };
    }
    const written = this.insert(table, id, record.values, record.binds);
    return read ? { id, row: this.writtenRow(table, written, read) ?? this.retrieve(entitySet, id, read) } : { id };
  }

  /** Reads one row by GUID or alternate key; 404 (0x80040217) when it does not exist. */
  retrieve(entitySet: string, key: RecordKey | string, options: ReadOptions = {}): Row {
    const table = this.table(entitySet);
    const where = this.keyCondition(table, typeof key === 'string' ? parseKeySegment(key) : key);
    const cached = this.shapeWithSql(table, options);
    const { shape } = cached;
    let statement = cached.byKey.get(where.sql);
    if (!statement) cached.byKey.set(where.sql, (statement = this.statement(`SELECT ${cached.sql} FROM ${quoteName(table.logicalName)} WHERE ${where.sql}`)));
    const raw = statement.raw(true).get(...where.params) as StorageValue[] | undefined;
    if (!raw) throw this.missing(table, where);
    const row = shapeRow(shape, raw);
    this.expand(table, [row], options.expand);
    return row;
  }

  /**
   * PATCH: updates the row, or creates it with the given key when it does not exist (upsert).
   * `If-Match: *` blocks the create (404), `If-None-Match: *` blocks the update (412), an etag in
   * If-Match must equal the row's version (412 0x80060882).
   */
  update(entitySet: string, key: RecordKey | string, body: unknown, options: WriteOptions = {}): UpsertResult {
    const table = this.table(entitySet);
    const parsedKey = typeof key === 'string' ? parseKeySegment(key) : key;
    const where = this.keyCondition(table, parsedKey);
    const record = readRecordValues(table, body);
    const deep = record.binds.some((b) => b.body !== undefined);
    const upsert = (): UpsertResult => {
      // A row by its GUID with no condition, lookup or other id to check first: inserted at once,
      // the primary key telling whether it exists (one statement instead of a read and a write).
      if (typeof parsedKey === 'string' && options.ifMatch === undefined && options.ifNoneMatch === undefined && record.binds.length === 0 && (record.id === undefined || record.id === parsedKey)) {
        const written = this.insert(table, parsedKey, record.values, record.binds, 'unless-exists');
        if (written) {
          const row = options.read ? this.writtenRow(table, written, options.read) : undefined;
          return row ? { id: parsedKey, created: true, row } : { id: parsedKey, created: true };
        }
      }
      const existing = this.find(table, where);
      if (!existing) {
        if (options.ifMatch !== undefined) throw this.missing(table, where);
        const id = typeof parsedKey === 'string' ? parsedKey : (record.id ?? randomUUID());
        if (typeof parsedKey === 'string' && record.id !== undefined && record.id !== parsedKey) throw mismatchedId();
        if (typeof parsedKey !== 'string') for (const [column, value] of where.columnValues) record.values.set(column, value);
        const written = this.insert(table, id, record.values, record.binds);
        const row = options.read && !deep ? this.writtenRow(table, written, options.read) : undefined;
        return row ? { id, created: true, row } : { id, created: true };
      }
      if (options.ifNoneMatch === '*') throw dataverseErrors.matchingKeyExists();
      if (options.ifMatch !== undefined && options.ifMatch !== '*' && options.ifMatch !== `W/"${existing.version}"`) throw dataverseErrors.versionMismatch();
      if (record.id !== undefined && record.id !== existing.id) throw mismatchedId();
      this.resolveBinds(table, record.values, record.binds);
      const columns = [...record.values.keys()];
      const sets = [...columns.map((c) => `${quoteName(c.logicalName)} = ?`), '"modifiedon" = ?', '"versionnumber" = ?'];
      const sql = `UPDATE ${quoteName(table.logicalName)} SET ${sets.join(', ')} WHERE ${quoteName(table.primaryId.logicalName)} = ?`;
      this.run(table, sql, [...record.values.values(), this.timestamp(), ++this.version, existing.id]);
      return { id: existing.id, created: false };
    };
    // A deep insert writes several rows: all of them or none. Otherwise the upsert writes one row
    // (one statement, atomic by itself) after a read that nothing can interleave with, since the
    // store is synchronous: BEGIN and COMMIT around it cost a quarter of the upsert.
    const result = deep ? this.transaction(upsert) : upsert();
    if (options.read && !result.row) result.row = this.retrieve(entitySet, result.id, options.read);
    return result;
  }

  /** Deletes a row; 404 when missing, 412 when If-Match names another version. Lookups to it are cleared. */
  delete(entitySet: string, key: RecordKey | string, options: WriteOptions = {}): void {
    const table = this.table(entitySet);
    const where = this.keyCondition(table, typeof key === 'string' ? parseKeySegment(key) : key);
    this.transaction(() => {
      const existing = this.find(table, where);
      if (!existing) throw this.missing(table, where);
      if (options.ifMatch !== undefined && options.ifMatch !== '*' && options.ifMatch !== `W/"${existing.version}"`) throw dataverseErrors.versionMismatch();
      this.statement(`DELETE FROM ${quoteName(table.logicalName)} WHERE ${quoteName(table.primaryId.logicalName)} = ?`).run(existing.id);
    });
  }

  /** A GET on a collection: $select, $filter, $orderby, $top, $count and paging. */
  query(entitySet: string, request: QueryRequest = {}, options: Pick<ReadOptions, 'annotations'> = {}): QueryResult {
    const table = this.table(entitySet);
    const cached = this.shapeWithSql(table, { select: request.select, annotations: options.annotations });
    const { shape, sql: columns } = cached;
    const filter = request.filter !== undefined && request.filter.trim() !== '' ? this.compileFilter(table, request.filter) : undefined;
    const order = (request.orderBy ?? []).map((item) => {
      const property = resolveProperty({ kind: 'property', path: item.property.split('/'), position: 0 }, table, this.tables);
      const sql = property.column.kind.name === 'lookup' && item.property.split('/').length === 1 ? (this.lookupNameSql(table, property.column) ?? property.sql) : property.sql;
      return `${sql}${property.column.kind.noCase ? ' COLLATE NOCASE' : ''} ${item.descending ? 'DESC' : 'ASC'}`;
    });
    const keyOrdered = order.length === 0;
    const primary = `${quoteName(table.logicalName)}.${quoteName(table.primaryId.logicalName)}`;
    order.push(`${primary} ASC`);

    // $top with odata.maxpagesize: $top is ignored (Dataverse documents this).
    const paging = request.maxPageSize !== undefined || request.top === undefined;
    const pageSize = paging ? Math.min(request.maxPageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE) : Math.min(request.top!, MAX_PAGE_SIZE);
    const position = request.skipToken !== undefined ? parseSkipToken(request.skipToken) : undefined;
    const conditions = filter ? [filter.sql] : [];
    const params: StorageValue[] = filter ? [...filter.params] : [];
    // FetchXML's page="n" (with count=) pages by position.
    let offset = request.page !== undefined && request.page > 1 && !position ? (request.page - 1) * pageSize : 0;
    if (position) {
      if (keyOrdered) {
        conditions.push(`${primary} > ?`);
        params.push(position.lastId);
      } else {
        offset = (position.pageNumber - 1) * pageSize;
      }
    }
    const limit = paging ? pageSize + 1 : pageSize;
    // The common read (key order, first page) found by its filter's SQL and limit, without its SQL text built again.
    const firstPage = keyOrdered && !position && offset === 0;
    let statement = firstPage ? cached.firstPages?.get(filter?.sql ?? '')?.get(limit) : undefined;
    if (!statement) {
      const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
      // LIMIT and OFFSET as literals: bound as parameters they cost SQLite several microseconds per
      // query (a primary-key lookup took 9 us instead of 1), and the few page sizes cache well.
      statement = this.statement(`SELECT ${columns}, ${primary} FROM ${quoteName(table.logicalName)}${where} ORDER BY ${order.join(', ')} LIMIT ${sqlInteger(limit)} OFFSET ${sqlInteger(offset)}`);
      if (firstPage) {
        const byFilter = (cached.firstPages ??= new Map());
        if (byFilter.size >= STATEMENT_CACHE_LIMIT) byFilter.clear();
        let byLimit = byFilter.get(filter?.sql ?? '');
        if (!byLimit) byFilter.set(filter?.sql ?? '', (byLimit = new Map()));
        byLimit.set(limit, statement);
      }
    }
    const raws = statement.raw(true).all(...params) as StorageValue[][];
    const more = paging && raws.length > pageSize;
    if (more) raws.length = pageSize;
    const rows = raws.map((raw) => shapeRow(shape, raw));
    this.expand(table, rows, request.expand);
    const result: QueryResult = { rows };
    if (request.maxPageSize !== undefined) result.pageSize = pageSize;
    if (more) {
      const idOf = (raw: StorageValue[]) => String(raw[raw.length - 1]);
      result.nextSkipToken = formatSkipToken(table.primaryId.logicalName, {
        pageNumber: (position?.pageNumber ?? request.page ?? 1) + 1,
        firstId: idOf(raws[0]!),
        lastId: idOf(raws[raws.length - 1]!),
      });
    }
    if (request.count) {
      const countSql = `SELECT COUNT(*) FROM (SELECT 1 FROM ${quoteName(table.logicalName)}${filter ? ` WHERE ${filter.sql}` : ''} LIMIT ${MAX_PAGE_SIZE})`;
      result.count = this.statement(countSql).pluck(true).get(...(filter?.params ?? [])) as number;
    }
    return result;
  }

  /** `GET <set>/$count`: the number of rows (matching a filter), at most 5,000. */
  count(entitySet: string, filter?: string): number {
    return this.query(entitySet, { filter, count: true, top: 1 }).count!;
  }

  /** Every row of a table, counted past the 5,000 a `$count` stops at (for tools, not the Web API). */
  rowCount(entitySet: string): number {
    const table = this.table(entitySet);
    return this.statement(`SELECT COUNT(*) FROM ${quoteName(table.logicalName)}`).pluck(true).get() as number;
  }

  /**
   * Inserts a row; returns the values written, by column in table order. With `unless-exists`, a
   * row with the same primary key is no error: nothing is written and undefined comes back.
   */
  private insert(table: Table, id: string, values: Map<Column, StorageValue>, binds: ReturnType<typeof readRecordValues>['binds']): StorageValue[];
  private insert(table: Table, id: string, values: Map<Column, StorageValue>, binds: ReturnType<typeof readRecordValues>['binds'], existing: 'unless-exists'): StorageValue[] | undefined;
  private insert(table: Table, id: string, values: Map<Column, StorageValue>, binds: ReturnType<typeof readRecordValues>['binds'], existing?: 'unless-exists'): StorageValue[] | undefined {
    if (binds.length > 0) this.resolveBinds(table, values, binds);
    const plan = this.insertPlan(table);
    const stamp = this.timestamp();
    const version = ++this.version;
    const params = new Array<StorageValue>(plan.defaults.length);
    for (let i = 0; i < plan.defaults.length; i++) {
      const given = values.get(table.columns[i]!);
      if (given !== undefined) {
        params[i] = given;
        continue;
      }
      const fill = plan.defaults[i]!;
      params[i] = fill === 'id' ? id : fill === 'stamp' ? stamp : fill === 'version' ? version : fill;
    }
    if (existing === 'unless-exists') {
      try {
        plan.statement.run(...params);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          // Nothing was written: the version number is not used up.
          this.version--;
          return undefined;
        }
        throw storeError(table, error);
      }
      return params;
    }
    this.runStatement(table, plan.statement, params);
    return params;
  }

  /**
   * The row just inserted, read from the values written instead of a SELECT, where SQLite gives
   * them back unchanged: text in TEXT columns (no lone surrogates, which UTF-8 storage replaces),
   * numbers in numeric ones, nulls. Otherwise (and with annotations or $expand) undefined: retrieve.
   */
  private writtenRow(table: Table, params: readonly StorageValue[], options: ReadOptions): Row | undefined {
    if (options.annotations || options.expand) return undefined;
    const cached = this.shapeWithSql(table, options);
    const positions = (cached.positions ??= [table.columns.findIndex((c) => c.logicalName === 'versionnumber'), ...cached.shape.columns.map((c) => table.columns.indexOf(c))]);
    const raw = new Array<StorageValue>(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const at = positions[i]!;
      if (at < 0) return undefined;
      const value = params[at]!;
      const sqlType = table.columns[at]!.kind.sqlType;
      if (value !== null && !(typeof value === 'string' ? sqlType === 'TEXT' && !LONE_SURROGATE.test(value) : typeof value === 'number' && sqlType !== 'TEXT' && Number.isFinite(value))) return undefined;
      raw[i] = value;
    }
    return shapeRow(cached.shape, raw);
  }

  /** The prepared INSERT of a table and what each column gets when the body leaves it out. */
  private insertPlan(table: Table): InsertPlan {
    let plan = this.insertPlans.get(table);
    if (!plan) {
      const names = table.columns.map((c) => quoteName(c.logicalName)).join(', ');
      const statement = this.db.prepare(`INSERT INTO ${quoteName(table.logicalName)} (${names}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      const defaults = table.columns.map((column): InsertPlan['defaults'][number] => {
        if (column === table.primaryId) return 'id';
        switch (column.logicalName) {
          case 'createdon':
          case 'modifiedon':
            return 'stamp';
          case 'versionnumber':
            return 'version';
          case 'statecode':
            return 0;
          case 'statuscode':
            return 1;
          default:
            return null;
        }
      });
      plan = { statement, defaults };
      this.insertPlans.set(table, plan);
    }
    return plan;
  }

  private run(table: Table, sql: string, params: StorageValue[]): void {
    this.runStatement(table, this.statement(sql), params);
  }

  private runStatement(table: Table, statement: Database.Statement, params: StorageValue[]): void {
    try {
      statement.run(...params);
    } catch (error) {
      throw storeError(table, error);
    }
  }

  /** Turns `Nav@odata.bind: "/targets(<key>)"` into the target's id; 404 when the target row is missing. */
  private resolveBinds(table: Table, values: Map<Column, StorageValue>, binds: ReturnType<typeof readRecordValues>['binds']): void {
    for (const bind of binds) {
      const target = this.tables.byLogicalName.get(bind.column.target!)!;
      if (bind.body !== undefined) {
        values.set(bind.column, this.create(target.entitySetName, bind.body).id);
        continue;
      }
      if (bind.entitySet !== target.entitySetName) {
        throw dataverseErrors.payload(table.entitySetName, `'${bind.column.schemaName}@odata.bind' must point to the entity set '${target.entitySetName}', got '${bind.entitySet}'.`);
      }
      const where = this.keyCondition(target, parseKeySegment(bind.key));
      const found = this.find(target, where);
      if (!found) throw this.missing(target, where);
      values.set(bind.column, found.id);
    }
  }

  private find(table: Table, where: KeyCondition): { id: string; version: number } | undefined {
    let byKey = this.finds.get(table);
    if (!byKey) this.finds.set(table, (byKey = new Map()));
    let statement = byKey.get(where.sql);
    if (!statement) byKey.set(where.sql, (statement = this.statement(`SELECT ${quoteName(table.primaryId.logicalName)} AS id, "versionnumber" AS version FROM ${quoteName(table.logicalName)} WHERE ${where.sql}`)));
    return statement.get(...where.params) as { id: string; version: number } | undefined;
  }

  private missing(table: Table, where: KeyCondition): DataverseError {
    return where.id !== undefined ? dataverseErrors.notFound(table.logicalName, where.id) : dataverseErrors.keyNotFound(table.logicalName);
  }

  /** SQL condition for a GUID or an alternate key (which must match one defined key exactly). */
  private keyCondition(table: Table, key: RecordKey): KeyCondition {
    const primary = quoteName(table.primaryId.logicalName);
    if (typeof key === 'string') return { sql: `${primary} = ?`, params: [key], id: key, columnValues: [] };
    const names = Object.keys(key);
    if (names.length === 1 && names[0] === table.primaryId.logicalName) {
      const id = table.primaryId.kind.fromLiteral(key[names[0]]!);
      if (typeof id !== 'string') throw dataverseErrors.querySyntax(`The key value for '${names[0]}' must be a GUID.`);
      return { sql: `${primary} = ?`, params: [id], id, columnValues: [] };
    }
    const columns = names.map((name) => table.byJsonName.get(name) ?? throwError(dataverseErrors.propertyNotFound(name, table.logicalName)));
    const wanted = new Set(columns);
    const matches = table.alternateKeys.some((k) => k.columns.length === wanted.size && k.columns.every((c) => wanted.has(c)));
    if (!matches) {
      const defined = table.alternateKeys.map((k) => `(${k.columns.map((c) => c.jsonName).join(',')})`).join(', ') || 'none';
      throw dataverseErrors.badArgument(`The key (${names.join(',')}) is not an alternate key of ${table.logicalName}; its alternate keys are: ${defined}.`);
    }
    const columnValues: Array<[Column, StorageValue]> = [];
    const parts = columns.map((column, i) => {
      const literal = key[names[i]!]!;
      const value = column.kind.fromLiteral(literal);
      if (value === undefined) throw dataverseErrors.querySyntax(`The key value ${literal.text} for '${names[i]}' is not of type ${column.kind.edmType}.`);
      columnValues.push([column, value]);
      return `${quoteName(column.logicalName)} = ?`;
    });
    return { sql: parts.join(' AND '), params: columnValues.map(([, v]) => v), columnValues };
  }

  private shape(table: Table, options: ReadOptions): RowShape {
    const names = typeof options.select === 'string' ? parseSelect(options.select) : options.select;
    let columns: Column[];
    if (!names || names.length === 0) {
      columns = table.columns.filter((c) => c !== table.primaryId);
    } else {
      columns = [];
      for (const name of names) {
        const column = table.byJsonName.get(name);
        if (!column) throw dataverseErrors.propertyNotFound(name, table.logicalName);
        if (column !== table.primaryId && !columns.includes(column)) columns.push(column);
      }
    }
    // The primary key always comes back, even when $select leaves it out.
    columns.push(table.primaryId);
    return { table, columns, annotations: options.annotations === true };
  }

  /** The row shape of a read with its SQL column list, cached: the same reads come again and again. */
  private shapeWithSql(table: Table, options: ReadOptions): CachedShape {
    const select = options.select;
    // A string $select is parsed (and trimmed); a list is taken as is: they are cached apart.
    const key = `${table.logicalName}\u0000${options.annotations === true ? 1 : 0}\u0000${typeof select === 'string' ? `s:${select}` : `l:${select?.join(',') ?? ''}`}`;
    let cached = this.shapes.get(key);
    if (!cached) {
      const shape = this.shape(table, options);
      cached = { shape, sql: shapeSql(shape, (c) => this.lookupNameSql(table, c)), byKey: new Map() };
      if (this.shapes.size >= STATEMENT_CACHE_LIMIT) this.shapes.clear();
      this.shapes.set(key, cached);
    }
    return cached;
  }

  /** SQL reading a lookup's related primary name (for FormattedValue and lookup ordering). */
  private lookupNameSql(table: Table, column: Column): string | undefined {
    const target = this.tables.byLogicalName.get(column.target!)!;
    if (!target.primaryName) return undefined;
    return resolveProperty({ kind: 'property', path: [column.schemaName, target.primaryName.logicalName], position: 0 }, table, this.tables).sql;
  }

  /** Single-valued $expand: the related row (or null) under the navigation property. */
  private expand(table: Table, rows: Row[], expand: QueryRequest['expand']): void {
    for (const item of expand ?? []) {
      const lookup = table.byNavigation.get(item.navigation);
      if (!lookup) throw dataverseErrors.propertyNotFound(item.navigation, table.logicalName);
      const target = this.tables.byLogicalName.get(lookup.target!)!;
      const primary = table.primaryId.logicalName;
      const lookupSql = `SELECT ${quoteName(lookup.logicalName)} FROM ${quoteName(table.logicalName)} WHERE ${quoteName(primary)} = ?`;
      rows.forEach((row) => {
        // The lookup value may not be in $select: read it for the expansion.
        const id = lookup.jsonName in row ? row[lookup.jsonName] : this.statement(lookupSql).pluck(true).get(row[primary]);
        if (typeof id !== 'string') {
          row[item.navigation] = null;
          return;
        }
        try {
          row[item.navigation] = this.retrieve(target.entitySetName, id, { select: item.select });
        } catch (error) {
          if (error instanceof DataverseError && error.status === 404) row[item.navigation] = null;
          else throw error;
        }
      });
    }
  }

  private compileFilter(table: Table, filter: string): SqlFragment {
    // A filter naming GUIDs (a flow's "does this record exist" lookup) comes once per record with
    // a new GUID: its form is compiled once, each filter fills in its own GUIDs.
    const template = guidTemplate(filter);
    if (template) {
      const templateKey = `${table.logicalName}\u0000${template.text}`;
      let fragment = this.templates.get(templateKey);
      if (fragment === undefined) {
        let compiled: SqlFragment | undefined;
        try {
          compiled = filterToSql(parseFilter(template.text), table, this.tables);
        } catch {
          // the filter's own text gives the error (and its message) below
        }
        fragment = compiled ? (templateSlots(template, compiled) ?? null) : null;
        if (this.templates.size >= STATEMENT_CACHE_LIMIT) this.templates.clear();
        this.templates.set(templateKey, fragment);
      }
      if (fragment) return fillTemplate(fragment, template.guids);
    }
    const cacheKey = `${table.logicalName}\u0000${filter}`;
    let compiled = this.filters.get(cacheKey);
    if (!compiled) {
      compiled = filterToSql(parseFilter(filter), table, this.tables);
      // A filter naming a GUID that no template serves rarely comes again: kept only on its
      // second sight, so a stream of them is not held long enough to reach the old generation
      // (which cost more garbage collection than parsing them again).
      if (GUID_IN_TEXT.test(filter) && !this.recentGuidFilters.has(cacheKey)) {
        if (this.recentGuidFilters.size >= RECENT_GUID_FILTERS) this.recentGuidFilters.clear();
        this.recentGuidFilters.add(cacheKey);
        return compiled;
      }
      if (this.filters.size >= STATEMENT_CACHE_LIMIT) this.filters.clear();
      this.filters.set(cacheKey, compiled);
    }
    return compiled;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** createdon/modifiedon (whole seconds), formatted once per second of the store's clock. */
  private timestamp(): string {
    const second = Math.floor(this.now().getTime() / 1000);
    if (second !== this.stamp.second) this.stamp = { second, text: `${new Date(second * 1000).toISOString().slice(0, 19)}Z` };
    return this.stamp.text;
  }
}

/** A read's row shape with its SQL column list, statements by key condition, and where its values sit in an insert's. */
interface CachedShape {
  shape: RowShape;
  sql: string;
  byKey: Map<string, Database.Statement>;
  /** versionnumber then the shape's columns, as indexes into the table's columns (-1: none). */
  positions?: number[];
  /** First-page queries in key order by their filter's SQL ('' for none) and LIMIT. */
  firstPages?: Map<string, Map<number, Database.Statement>>;
}

interface InsertPlan {
  statement: Database.Statement;
  /** Per column: the new id, the timestamp, the version number, or a fixed value. */
  defaults: Array<'id' | 'stamp' | 'version' | StorageValue>;
}

interface KeyCondition {
  sql: string;
  params: StorageValue[];
  /** Set for GUID keys (error messages name it). */
  id?: string;
  /** Alternate key columns and values (an upsert by alternate key writes them). */
  columnValues: Array<[Column, StorageValue]>;
}

/** A constraint SQLite enforced, as Dataverse's error; anything else as it is. */
function storeError(table: Table, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return dataverseErrors.duplicateKey();
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return dataverseErrors.matchingKeyExists();
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return dataverseErrors.badArgument(`A lookup of ${table.logicalName} points to a record that does not exist.`);
  return error;
}

function throwError(error: Error): never {
  throw error;
}

function mismatchedId(): DataverseError {
  return dataverseErrors.badArgument('The primary key in the request body does not match the key in the URL.');
}

/** A row count written into SQL text: only a non-negative safe integer gets there. */
function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`expected a row count, got ${value}`);
  return String(value);
}
