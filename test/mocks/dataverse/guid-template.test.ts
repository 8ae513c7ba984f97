import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COE_CORE_TABLES_FILE, DataverseError, DataverseStore, loadTablesFiles } from '../../../tools/mocks/dataverse/index.js';
import { filterToSql } from '../../../tools/mocks/dataverse/odata/filter-sql.js';
import { parseFilter } from '../../../tools/mocks/dataverse/odata/filter-parser.js';
import { fillTemplate, guidTemplate, templateSlots } from '../../../tools/mocks/dataverse/odata/guid-template.js';
import { FIXED_NOW, FIXTURES } from './helpers.js';

const tables = loadTablesFiles([COE_CORE_TABLES_FILE, join(FIXTURES, 'widgets.yaml')]);
const widgets = tables.byEntitySet.get('test_widgets')!;
const A = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const B = '6F9619FF-8B86-D011-B42D-00C04FC964FF';

/** The filter compiled as it is, or its error. */
function direct(filter: string) {
  try {
    return filterToSql(parseFilter(filter), widgets, tables);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('a $filter compiled once per form: its GUIDs filled in give what compiling it gives', () => {
  it.each([
    ['the primary key, as the CoE child flow asks', `test_widgetid eq ${A}`, 1],
    ['an upper-case GUID (stored lower-case)', `test_widgetid eq ${B}`, 1],
    ['a guid column', `test_ref eq ${B}`, 1],
    ['a lookup, quoted as the docs write it: a string, not templated', `_test_owner_value eq '${A}'`, 0],
    ['two GUIDs', `test_widgetid eq ${A} or test_ref ne ${B}`, 2],
    ['a GUID beside a string holding one', `test_widgetid eq ${A} and test_name eq 'x ${B}'`, 1],
    ['an escaped quote before a GUID in a string', `test_name eq 'a''${A}' or test_ref eq ${B}`, 1],
    ['a GUID compared with a text column (kept as written)', `test_code eq ${B}`, 1],
    ['a GUID that is no GUID token (glued to a word)', `test_code eq x${A}`, 0],
    ['a GUID compared with a number: the error of the filter itself', `test_count eq ${A}`, 1],
    ['a GUID on both sides', `${A} eq ${B}`, 2],
    ['a syntax error after a GUID', `test_widgetid eq ${A} and`, 1],
  ])('%s', (_name, filter, guids) => {
    const template = guidTemplate(filter);
    expect(template?.guids.length ?? 0).toBe(guids);
    if (!template) return;
    const compiled = direct(template.text);
    const slots = 'error' in compiled ? undefined : templateSlots(template, compiled);
    const expected = direct(filter);
    if ('error' in expected) expect(slots, 'a filter that fails is compiled itself').toBeUndefined();
    else expect(fillTemplate(slots!, template.guids)).toEqual(expected);
  });

  it('the store answers lookups of the same form with their own GUIDs, and errors with their own text', () => {
    const store = new DataverseStore({ tables, now: () => FIXED_NOW });
    try {
      store.create('test_widgets', { test_widgetid: A, test_name: 'a' });
      store.create('test_widgets', { test_widgetid: B, test_name: 'b' });
      for (const id of [A, B, A.toUpperCase(), '00000000-0000-0000-0000-000000000009']) {
        const rows = store.query('test_widgets', { select: ['test_name'], filter: `test_widgetid eq ${id}`, top: 1 }).rows;
        expect(rows.map((r) => r.test_widgetid)).toEqual(id.endsWith('9') ? [] : [id.toLowerCase()]);
      }
      const bad = `test_widgetid eq ${A} and`;
      expect(() => store.query('test_widgets', { filter: bad })).toThrow(DataverseError);
      expect(() => store.query('test_widgets', { filter: bad })).toThrow(new RegExp(A));
    } finally {
      store.close();
    }
  });
});
