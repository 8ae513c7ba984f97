import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COE_CORE_TABLES_FILE, DataverseStore, defineTables, inferTableFromRecord, loadTablesFiles, type TableDefinition } from '../../../tools/mocks/dataverse/index.js';
import { InputError } from '../../../tools/core/errors.js';
import { FIXTURES } from './helpers.js';

describe('table definitions', () => {
  it('loads the CoE core tables with their keys, names and lookup', () => {
    const tables = loadTablesFiles([COE_CORE_TABLES_FILE]);
    expect(tables.tables.map((t) => t.entitySetName)).toEqual(['admin_apps', 'admin_flows', 'admin_auditlogs']);
    const auditLog = tables.byEntitySet.get('admin_auditlogs')!;
    expect(auditLog.primaryId.logicalName).toBe('admin_auditlogid');
    expect(auditLog.primaryName?.logicalName).toBe('admin_title');
    const lookup = auditLog.byNavigation.get('admin_AppLookup')!;
    expect(lookup).toMatchObject({ logicalName: 'admin_applookup', jsonName: '_admin_applookup_value', target: 'admin_app' });
    expect(tables.byEntitySet.get('admin_flows')!.byJsonName.get('admin_flowdeletedon')?.kind.name).toBe('datetime');
  });

  it.each<[string, unknown, RegExp, string]>([
    ['a missing logical name', [{ columns: {} }], /expected logicalName/, '/0/logicalName'],
    ['an unknown column type', [{ logicalName: 'a_x', columns: { a_y: 'text' } }], /expected a column type, one of string, memo, int/, '/0/columns/a_y'],
    ['a lookup to an undefined table', [{ logicalName: 'a_x', columns: { a_L: { type: 'lookup', target: 'a_nope' } } }], /lookup needs target/, '/0/columns/a_L/target'],
    ['a table defined twice', [{ logicalName: 'a_x' }, { logicalName: 'A_X' }], /defined twice/, '/1/logicalName'],
    ['an entity set used twice', [{ logicalName: 'a_x', entitySetName: 's' }, { logicalName: 'a_y', entitySetName: 's' }], /used by two tables/, '/1/entitySetName'],
    ['an alternate key on an unknown column', [{ logicalName: 'a_x', alternateKeys: { k: ['a_nope'] } }], /alternate key column "a_nope"/, '/0/alternateKeys/k/0'],
    ['a column defined twice in other case', [{ logicalName: 'a_x', columns: { a_Y: 'int', a_y: 'int' } }], /defined twice/, '/0/columns/a_y'],
    ['an unsafe column name', [{ logicalName: 'a_x', columns: { 'a"; DROP': 'int' } }], /letters, digits and _/, '/0/columns/a"; DROP'],
  ])('refuses %s', (_name, definitions, message, pointer) => {
    let error: unknown;
    try {
      defineTables(definitions as TableDefinition[]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).location.pointer).toBe(pointer);
  });

  it('names file, line and column of a bad YAML definition', () => {
    const file = join(FIXTURES, 'bad-tables.yaml');
    expect(() => loadTablesFiles([file])).toThrow(InputError);
    try {
      loadTablesFiles([file]);
    } catch (error) {
      expect((error as InputError).format()).toBe(`${file}:5:7: expected a column type, one of string, memo, int, bigint, decimal, float, bool, datetime, date, guid, lookup, choice (at /tables/0/columns/test_when)`);
    }
  });
});

describe('inferTableFromRecord', () => {
  it('derives columns and types from what a flow writes, lookups from @odata.bind', () => {
    const definition = inferTableFromRecord('admin_auditlogs', {
      admin_auditlogid: '4f4e3bd8-5c4b-4b53-9bd5-1c8b2f4d9a10',
      admin_creationtime: '2024-05-01T10:00:00',
      admin_appid: 'a4c4f7e2-0b0c-4d5e-9f1a-2b3c4d5e6f70',
      admin_operation: 'LaunchPowerApp',
      admin_count: 3,
      admin_ratio: 0.5,
      admin_deleted: false,
      admin_nothing: null,
      'admin_AppLookup@odata.bind': '/admin_apps(a4c4f7e2-0b0c-4d5e-9f1a-2b3c4d5e6f70)',
      '@odata.type': 'Microsoft.Dynamics.CRM.admin_auditlog',
    });
    expect(definition).toEqual({
      logicalName: 'admin_auditlog',
      entitySetName: 'admin_auditlogs',
      primaryId: 'admin_auditlogid',
      columns: {
        admin_creationtime: { type: 'datetime' },
        admin_appid: { type: 'guid' },
        admin_operation: { type: 'string' },
        admin_count: { type: 'int' },
        admin_ratio: { type: 'float' },
        admin_deleted: { type: 'bool' },
        admin_nothing: { type: 'string' },
        admin_AppLookup: { type: 'lookup', target: 'admin_apps' },
      },
    });
  });

  it('gives a table the store accepts the same record into', () => {
    const record = { admin_title: 'x', 'admin_AppLookup@odata.bind': 'admin_apps(a4c4f7e2-0b0c-4d5e-9f1a-2b3c4d5e6f70)' };
    const apps = inferTableFromRecord('admin_apps', { admin_displayname: 'App' });
    const store = new DataverseStore({ tables: defineTables([apps, inferTableFromRecord('admin_auditlogs', record)]) });
    store.create('admin_apps', { admin_appid: 'a4c4f7e2-0b0c-4d5e-9f1a-2b3c4d5e6f70', admin_displayname: 'App' });
    const { id } = store.create('admin_auditlogs', record);
    expect(store.retrieve('admin_auditlogs', id)._admin_applookup_value).toBe('a4c4f7e2-0b0c-4d5e-9f1a-2b3c4d5e6f70');
    store.close();
  });
});

describe('store on an existing database file', () => {
  it('keeps rows and version numbers across reopen, and adds new columns', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'ppkit-dv-reopen-'));
    try {
      const dbFile = join(folder, 'dv.sqlite');
      const first = new DataverseStore({ tables: defineTables([{ logicalName: 'a_x', columns: { a_name: 'string' } }]), dbFile });
      first.create('a_xs', { a_xid: '00000000-0000-0000-0000-000000000001', a_name: 'kept' });
      first.close();
      const second = new DataverseStore({ tables: defineTables([{ logicalName: 'a_x', columns: { a_name: 'string', a_extra: 'int' } }]), dbFile });
      const row = second.retrieve('a_xs', '00000000-0000-0000-0000-000000000001');
      expect(row).toMatchObject({ a_name: 'kept', a_extra: null });
      second.create('a_xs', { a_name: 'next', a_extra: 1 });
      const versions = second.query('a_xs', { select: ['versionnumber'], orderBy: [{ property: 'versionnumber', descending: false }] }).rows.map((r) => r.versionnumber);
      expect(versions).toEqual([1, 2]);
      expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
      second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
