import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COE_CORE_TABLES_FILE, DataverseStore, loadTablesFiles } from '../../../tools/mocks/dataverse/index.js';
import { FIXED_NOW, FIXTURES, guid } from './helpers.js';

const OWNER = guid(500);

/**
 * `Prefer: return=representation` on a create or upsert: the row a write answers with (read from
 * the values it wrote where SQLite gives them back unchanged) is the row a later GET reads.
 */
describe('the row a write answers with is the row stored', () => {
  let store: DataverseStore;
  beforeAll(() => {
    store = new DataverseStore({ tables: loadTablesFiles([COE_CORE_TABLES_FILE, join(FIXTURES, 'widgets.yaml')]), now: () => FIXED_NOW });
    store.create('test_owners', { test_ownerid: OWNER, test_name: 'Ann' });
  });
  afterAll(() => store.close());

  const everyType = { test_name: 'all', test_code: 'C1', test_count: 3, test_price: 2.5, test_ratio: 0.125, test_active: true, test_due: '2024-05-01', test_at: '2024-05-01T10:00:00+02:00', test_ref: guid(7).toUpperCase(), test_color: 2, test_notes: 'é ✓ 𝄞' };
  it.each([
    ['every column type, created by upsert', 'update', everyType, {}],
    ['every column type, created by POST', 'create', { ...everyType, test_code: 'C2' }, {}],
    ['nulls and whole numbers in decimal and float columns', 'update', { test_name: 'n', test_count: null, test_price: 4, test_ratio: 1, test_active: false }, {}],
    ['a $select', 'update', { test_name: 'sel', test_count: 9 }, { select: ['test_name', 'test_count'] }],
    ['a lookup set by @odata.bind', 'update', { test_name: 'bound', 'test_Owner@odata.bind': `/test_owners(${OWNER})` }, {}],
    ['a deep insert (the related row created first)', 'create', { test_name: 'deep', test_Owner: { test_name: 'Bo' } }, {}],
    ['a lone surrogate (stored as U+FFFD)', 'update', JSON.parse('{"test_notes": "a\\ud800b"}'), {}],
    ['annotations (read by SELECT)', 'update', { test_name: 'ann', test_color: 1, 'test_Owner@odata.bind': `/test_owners(${OWNER})` }, { annotations: true }],
    ['an update of an existing row', 'update-again', { test_count: 11 }, {}],
  ] as const)('%s', (_name, how, body, read) => {
    const id = guid(100 + Math.floor(Math.random() * 1e9));
    let row;
    if (how === 'create') row = store.create('test_widgets', { ...body, test_widgetid: id }, read).row;
    else {
      if (how === 'update-again') store.update('test_widgets', id, { test_name: 'first' });
      const result = store.update('test_widgets', id, body, { read });
      expect(result.created).toBe(how === 'update');
      row = result.row;
    }
    expect(row).toBeDefined();
    expect(row).toEqual(store.retrieve('test_widgets', id, read));
  });

  it('an upsert by GUID of a row that exists updates it, and no version number goes unused', () => {
    const id = guid(4242);
    const first = store.update('test_widgets', id, { test_name: 'one' }, { read: {} });
    const second = store.update('test_widgets', id, { test_name: 'two' }, { read: {} });
    const third = store.update('test_widgets', guid(4243), { test_name: 'three' }, { read: {} });
    expect([first.created, second.created, third.created]).toEqual([true, false, true]);
    expect(second.row).toMatchObject({ test_name: 'two', test_widgetid: id });
    const version = (row: typeof first.row) => Number(/\d+/.exec(String(row?.['@odata.etag']))![0]);
    expect([version(second.row) - version(first.row), version(third.row) - version(second.row)]).toEqual([1, 1]);
    // An alternate key taken by another row is still Dataverse's duplicate error.
    store.update('test_widgets', guid(4244), { test_name: 'k', test_code: 'TAKEN' });
    expect(() => store.update('test_widgets', guid(4245), { test_name: 'k2', test_code: 'TAKEN' })).toThrow(/matching key values already exists/);
  });

  it('gives no row when none is asked for', () => {
    expect(store.update('test_widgets', guid(99), { test_name: 'plain' }).row).toBeUndefined();
    expect(store.create('test_widgets', { test_name: 'plain2' }).row).toBeUndefined();
  });
});
