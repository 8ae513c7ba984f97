import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDataverse } from '../../../tools/mocks/dataverse/index.js';
import { call, guid, startFixtureDataverse } from './helpers.js';

// Read-only contract of GET on collections and rows, over real HTTP, against seeded rows.
let dv: RunningDataverse;

const APPS = {
  alpha: guid(1),
  beta: guid(2),
  obrien: guid(3),
  gamma: guid(4),
};

beforeAll(async () => {
  dv = await startFixtureDataverse();
  const s = dv.store;
  s.create('admin_apps', { admin_appid: APPS.alpha, admin_displayname: 'Alpha App', admin_applastlaunchedon: '2024-05-01T10:00:00Z', admin_appdeleted: false });
  s.create('admin_apps', { admin_appid: APPS.beta, admin_displayname: 'beta app', admin_applastlaunchedon: '2024-05-02T08:30:00Z', admin_appdeleted: true, admin_appdeletedon: '2024-05-03T00:00:00Z' });
  s.create('admin_apps', { admin_appid: APPS.obrien, admin_displayname: "O'Brien's App", admin_applastlaunchedon: '2024-05-03T23:59:59Z', admin_appdeleted: false, statecode: 1, statuscode: 2 });
  s.create('admin_apps', { admin_appid: APPS.gamma, admin_appdeleted: false });
  s.create('admin_auditlogs', { admin_auditlogid: guid(101), admin_title: 'Launch alpha', admin_operation: 'LaunchPowerApp', 'admin_AppLookup@odata.bind': `admin_apps(${APPS.alpha})` });
  s.create('admin_auditlogs', { admin_auditlogid: guid(102), admin_title: 'Launch beta', admin_operation: 'LaunchPowerApp', 'admin_AppLookup@odata.bind': `/admin_apps(${APPS.beta})` });
  s.create('admin_auditlogs', { admin_auditlogid: guid(103), admin_title: 'Delete', admin_operation: 'DeletePowerApp' });
  s.create('test_owners', { test_ownerid: guid(201), test_name: 'Owner One' });
  s.create('test_widgets', { test_widgetid: guid(301), test_name: 'w1', test_code: 'W-1', test_count: 5, test_price: 9.5, test_color: 2, 'test_Owner@odata.bind': `test_owners(${guid(201)})`, test_due: '2024-02-29' });
  s.create('test_widgets', { test_widgetid: guid(302), test_name: 'w2', test_code: 'W-2', test_count: 7, test_price: 10, test_color: 1 });
  for (let i = 0; i < 7; i++) s.create('admin_flows', { admin_flowid: guid(400 + i), admin_displayname: `flow ${i}` });
});

afterAll(async () => {
  await dv.stop();
});

const idsOf = (json: { value: Array<Record<string, unknown>> }, key = 'admin_appid') => json.value.map((row) => row[key]).sort();

describe('$filter (operators, literals, null, case)', () => {
  it.each<[string, string, string[]]>([
    ['eq on text ignores case', "admin_displayname eq 'ALPHA APP'", [APPS.alpha]],
    ['ne excludes the row and rows where the column is null', "admin_displayname ne 'Alpha App'", [APPS.beta, APPS.obrien]],
    ['doubled quote inside a string', "admin_displayname eq 'O''Brien''s App'", [APPS.obrien]],
    ['gt on a date-time', 'admin_applastlaunchedon gt 2024-05-02T08:30:00Z', [APPS.obrien]],
    ['ge with an offset literal', 'admin_applastlaunchedon ge 2024-05-02T10:30:00+02:00', [APPS.beta, APPS.obrien]],
    ['lt with a date-only literal', 'admin_applastlaunchedon lt 2024-05-02', [APPS.alpha]],
    ['le', 'admin_applastlaunchedon le 2024-05-02T08:30:00Z', [APPS.alpha, APPS.beta]],
    ['and / or / parentheses', "(admin_appdeleted eq true or startswith(admin_displayname,'alpha')) and statecode eq 0", [APPS.alpha, APPS.beta]],
    ['not', 'not (admin_appdeleted eq false)', [APPS.beta]],
    ['contains ignores case', "contains(admin_displayname,'APP')", [APPS.alpha, APPS.beta, APPS.obrien]],
    ['startswith', "startswith(admin_displayname,'O''B')", [APPS.obrien]],
    ['endswith', "endswith(admin_displayname,'s App')", [APPS.obrien]],
    ['% acts as a LIKE wildcard, as in Dataverse', "contains(admin_displayname,'a%p')", [APPS.alpha, APPS.beta, APPS.obrien]],
    ['eq null', 'admin_displayname eq null', [APPS.gamma]],
    ['ne null', 'admin_appdeletedon ne null', [APPS.beta]],
    ['unquoted GUID literal', `admin_appid eq ${APPS.beta.toUpperCase()}`, [APPS.beta]],
    ['quoted GUID literal', `admin_appid eq '${APPS.obrien}'`, [APPS.obrien]],
    ['choice compares as its int value', 'statecode eq 1', [APPS.obrien]],
    ['boolean literal', 'admin_appdeleted eq true', [APPS.beta]],
    ['column-to-column comparison', 'admin_applastlaunchedon lt admin_appdeletedon', [APPS.beta]],
    ['literal on the left', "'Alpha App' eq admin_displayname", [APPS.alpha]],
  ])('%s: %s', async (_name, filter, expected) => {
    const response = await call(dv, 'GET', `admin_apps?$select=admin_appid&$filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    expect(idsOf(response.json)).toEqual([...expected].sort());
  });

  it.each<[string, string, string[]]>([
    ['lookup value, quoted upper-case GUID', `_admin_applookup_value eq '${APPS.beta.toUpperCase()}'`, [guid(102)]],
    ['lookup eq null', '_admin_applookup_value eq null', [guid(103)]],
    ['navigation to the related row', "admin_AppLookup/admin_displayname eq 'alpha app'", [guid(101)]],
  ])('%s on admin_auditlogs', async (_name, filter, expected) => {
    const response = await call(dv, 'GET', `admin_auditlogs?$filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    expect(idsOf(response.json, 'admin_auditlogid')).toEqual(expected);
  });
});

describe('query errors (400 with 0x80060888, 404 with 0x8006088a)', () => {
  it.each<[string, string, number, string, RegExp]>([
    ['unterminated literal', "admin_apps?$filter=admin_displayname eq 'abc", 400, '0x80060888', /There is an unterminated literal at position 25 in 'admin_displayname eq 'abc'/],
    ['syntax error', 'admin_apps?$filter=admin_displayname eq', 400, '0x80060888', /Syntax error at position/],
    ['unknown column in $filter', "admin_apps?$filter=nope eq 'x'", 400, '0x80060888', /Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.admin_app'/],
    ['unknown column in $select', 'admin_apps?$select=admin_displayname,nope', 400, '0x80060888', /Could not find a property named 'nope'/],
    ['a lookup is selected by _x_value only', 'admin_auditlogs?$select=admin_applookup', 400, '0x80060888', /Could not find a property named 'admin_applookup'/],
    ['incompatible literal type', "admin_apps?$filter=admin_appdeleted eq 'yes'", 400, '0x80060888', /incompatible types.*'Edm.Boolean' and 'Edm.String'.*'Equal'/],
    ['$skip is not supported', 'admin_apps?$skip=1', 400, '0x80060888', /\$skip is not supported/],
    ['$top must be positive', 'admin_apps?$top=0', 400, '0x80060888', /\$top/],
    ['contains on a non-text column', 'admin_apps?$filter=contains(statecode,\'1\')', 400, '0x80060888', /text column/],
    ['bad $skiptoken', 'admin_apps?$skiptoken=abc', 400, '0x80060888', /skiptoken/],
    ['unknown entity set', 'admin_nothings', 404, '0x8006088a', /Resource not found for the segment 'admin_nothings'/],
    ['nesting deeper than 100 levels', `admin_apps?$filter=${'('.repeat(5000)}statecode eq 0${')'.repeat(5000)}`, 400, '0x80060888', /nested more than 100 levels/],
  ])('%s', async (_name, path, status, code, message) => {
    const response = await call(dv, 'GET', path);
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    expect(response.json.error.message).toMatch(message);
  });
});

describe('envelope, $select, $orderby, $top, $count', () => {
  it('returns the OData envelope, etags and the primary key even when $select leaves it out', async () => {
    const response = await call(dv, 'GET', `admin_apps?$select=admin_displayname&$filter=admin_appid eq ${APPS.alpha}`);
    expect(response.headers.get('content-type')).toBe('application/json; odata.metadata=minimal');
    expect(response.headers.get('odata-version')).toBe('4.0');
    expect(response.json['@odata.context']).toBe(`${dv.apiUrl}$metadata#admin_apps(admin_displayname)`);
    expect(response.json.value).toEqual([{ '@odata.etag': expect.stringMatching(/^W\/"\d+"$/), admin_displayname: 'Alpha App', admin_appid: APPS.alpha }]);
  });

  it('returns every column with the JSON types of the Web API when there is no $select', async () => {
    const response = await call(dv, 'GET', `test_widgets(${guid(301)})`);
    expect(response.json).toMatchObject({
      test_name: 'w1',
      test_count: 5,
      test_price: 9.5,
      test_color: 2,
      test_due: '2024-02-29',
      test_active: null,
      _test_owner_value: guid(201),
      createdon: '2024-06-01T12:00:00Z',
      statecode: 0,
      statuscode: 1,
    });
  });

  it('orders by several columns, descending, with $top', async () => {
    const response = await call(dv, 'GET', 'admin_apps?$select=admin_displayname&$orderby=admin_appdeleted desc,admin_displayname asc&$top=3');
    expect(response.json.value.map((r: { admin_displayname: string }) => r.admin_displayname)).toEqual(['beta app', null, 'Alpha App']);
  });

  it('orders a lookup by the related primary name', async () => {
    const response = await call(dv, 'GET', "admin_auditlogs?$select=admin_title&$orderby=_admin_applookup_value desc&$filter=_admin_applookup_value ne null");
    expect(response.json.value.map((r: { admin_title: string }) => r.admin_title)).toEqual(['Launch beta', 'Launch alpha']);
  });

  it('puts @odata.count before value', async () => {
    const response = await call(dv, 'GET', 'admin_apps?$count=true&$filter=admin_appdeleted eq false&$top=1');
    expect(Object.keys(response.json)).toEqual(['@odata.context', '@odata.count', 'value']);
    expect(response.json['@odata.count']).toBe(3);
    expect(response.json.value).toHaveLength(1);
  });

  it('answers <set>/$count as text/plain', async () => {
    const response = await call(dv, 'GET', 'admin_flows/$count');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.text).toBe('7');
  });

  it('expands a single-valued lookup', async () => {
    const response = await call(dv, 'GET', `admin_auditlogs?$select=admin_title&$expand=admin_AppLookup($select=admin_displayname)&$filter=admin_auditlogid eq ${guid(101)}`);
    expect(response.json.value[0].admin_AppLookup).toMatchObject({ admin_displayname: 'Alpha App', admin_appid: APPS.alpha });
  });

  it('adds FormattedValue and lookup annotations on Prefer: odata.include-annotations', async () => {
    const response = await call(dv, 'GET', `test_widgets(${guid(301)})?$select=test_color,_test_owner_value,test_count`, { headers: { Prefer: 'odata.include-annotations="*"' } });
    expect(response.json).toMatchObject({
      'test_color@OData.Community.Display.V1.FormattedValue': 'Green',
      '_test_owner_value@OData.Community.Display.V1.FormattedValue': 'Owner One',
      '_test_owner_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'test_owner',
      '_test_owner_value@Microsoft.Dynamics.CRM.associatednavigationproperty': 'test_Owner',
    });
  });
});

describe('paging with Prefer: odata.maxpagesize', () => {
  it('pages through every row once, then stops without a nextLink', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${dv.apiUrl}admin_flows?$select=admin_displayname`;
    let pages = 0;
    while (url) {
      const response = await fetch(url, { headers: { Prefer: 'odata.maxpagesize=3' } });
      expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=3');
      const json = (await response.json()) as { value: Array<{ admin_flowid: string }>; '@odata.nextLink'?: string };
      seen.push(...json.value.map((r) => r.admin_flowid));
      url = json['@odata.nextLink'];
      if (url) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/data\/v9\.2\/admin_flows\?\$select=admin_displayname&\$skiptoken=%3Ccookie%20pagenumber%3D%22\d%22/);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => guid(400 + i)));
  });

  it('pages with $orderby too', async () => {
    const names: string[] = [];
    let url: string | undefined = `${dv.apiUrl}admin_flows?$select=admin_displayname&$orderby=admin_displayname desc`;
    while (url) {
      const response = await fetch(url, { headers: { Prefer: 'odata.maxpagesize=4' } });
      const json = (await response.json()) as { value: Array<{ admin_displayname: string }>; '@odata.nextLink'?: string };
      names.push(...json.value.map((r) => r.admin_displayname));
      url = json['@odata.nextLink'];
    }
    expect(names).toEqual(['flow 6', 'flow 5', 'flow 4', 'flow 3', 'flow 2', 'flow 1', 'flow 0']);
  });

  it('ignores $top when odata.maxpagesize is also given, and caps the page size at 5,000', async () => {
    const response = await call(dv, 'GET', 'admin_flows?$top=1', { headers: { Prefer: 'odata.maxpagesize=9999' } });
    expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=5000');
    expect(response.json.value).toHaveLength(7);
  });
});

describe('GET one row', () => {
  it('returns the row at top level with a $entity context', async () => {
    const response = await call(dv, 'GET', `admin_apps(${APPS.alpha})?$select=admin_displayname`);
    expect(response.status).toBe(200);
    expect(response.json['@odata.context']).toBe(`${dv.apiUrl}$metadata#admin_apps(admin_displayname)/$entity`);
    expect(response.json.admin_displayname).toBe('Alpha App');
  });

  it.each<[string, string, number, string, RegExp]>([
    ['missing id', `admin_apps(${guid(999)})`, 404, '0x80040217', new RegExp(`admin_app With Id = ${guid(999)} Does Not Exist`)],
    ['missing alternate key value', "test_widgets(test_code='nope')", 404, '0x80040217', /A record with the specified key values does not exist in test_widget entity/],
    ['a column that is not an alternate key', "test_widgets(test_name='w1')", 400, '0x80040203', /not an alternate key of test_widget/],
    ['a key that is neither GUID nor pairs', 'admin_apps(12)', 400, '0x80060888', /neither a GUID nor name=value pairs/],
  ])('%s', async (_name, path, status, code, message) => {
    const response = await call(dv, 'GET', path);
    expect(response.status).toBe(status);
    expect(response.json.error).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('reads by alternate key', async () => {
    const response = await call(dv, 'GET', "test_widgets(test_code='w-2')?$select=test_name");
    expect(response.json).toMatchObject({ test_name: 'w2', test_widgetid: guid(302) });
  });

  it('answers 304 to If-None-Match with the current etag', async () => {
    const first = await call(dv, 'GET', `admin_apps(${APPS.beta})`);
    const again = await call(dv, 'GET', `admin_apps(${APPS.beta})`, { headers: { 'If-None-Match': first.json['@odata.etag'] } });
    expect(again.status).toBe(304);
    const stale = await call(dv, 'GET', `admin_apps(${APPS.beta})`, { headers: { 'If-None-Match': 'W/"1"' } });
    expect(stale.status).toBe(200);
  });

  it('reads one property', async () => {
    const response = await call(dv, 'GET', `admin_apps(${APPS.alpha})/admin_displayname`);
    expect(response.json).toEqual({ '@odata.context': `${dv.apiUrl}$metadata#admin_apps(${APPS.alpha})/admin_displayname`, value: 'Alpha App' });
  });
});

describe('service document and $metadata', () => {
  it('lists the entity sets', async () => {
    const response = await call(dv, 'GET', '');
    expect(response.json.value).toContainEqual({ name: 'admin_auditlogs', kind: 'EntitySet', url: 'admin_auditlogs' });
  });

  it('describes entity types, keys and navigation properties in CSDL', async () => {
    const response = await call(dv, 'GET', '$metadata');
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(response.text).toContain('<EntityType Name="admin_auditlog">');
    expect(response.text).toContain('<PropertyRef Name="admin_auditlogid" />');
    expect(response.text).toContain('<NavigationProperty Name="admin_AppLookup" Type="Microsoft.Dynamics.CRM.admin_app" />');
    expect(response.text).toContain('<EntitySet Name="admin_apps" EntityType="Microsoft.Dynamics.CRM.admin_app" />');
  });

  it('accepts v9.0 and v9.1 URLs and refuses paths outside the API', async () => {
    expect((await fetch(`${dv.url}/api/data/v9.0/admin_flows/$count`)).status).toBe(200);
    const outside = await fetch(`${dv.url}/other`);
    expect(outside.status).toBe(404);
  });
});

describe('FetchXML (GET <set>?fetchXml=)', () => {
  const fetchXml = (inner: string, fetchAttributes = '') => `<fetch${fetchAttributes}><entity name="admin_app"><attribute name="admin_appid" />${inner}</entity></fetch>`;

  it.each<[string, string, string[]]>([
    ['eq (case-insensitive)', '<filter><condition attribute="admin_displayname" operator="eq" value="ALPHA APP" /></filter>', [APPS.alpha]],
    ['or filter with null', '<filter type="or"><condition attribute="admin_appdeleted" operator="eq" value="1" /><condition attribute="admin_displayname" operator="null" /></filter>', [APPS.beta, APPS.gamma]],
    ['like %x%', '<filter><condition attribute="admin_displayname" operator="like" value="%brien%" /></filter>', [APPS.obrien]],
    ['begins-with and not-null', '<filter><condition attribute="admin_displayname" operator="begins-with" value="b" /><condition attribute="admin_appdeletedon" operator="not-null" /></filter>', [APPS.beta]],
    ['in', `<filter><condition attribute="admin_appid" operator="in"><value>${APPS.alpha}</value><value>${APPS.gamma}</value></condition></filter>`, [APPS.alpha, APPS.gamma]],
    ['on (a whole UTC day)', '<filter><condition attribute="admin_applastlaunchedon" operator="on" value="2024-05-03" /></filter>', [APPS.obrien]],
    ['nested filters', '<filter type="and"><condition attribute="statecode" operator="eq" value="0" /><filter type="or"><condition attribute="admin_displayname" operator="ends-with" value="app" /><condition attribute="admin_appdeleted" operator="eq" value="true" /></filter></filter>', [APPS.alpha, APPS.beta]],
  ])('%s', async (_name, inner, expected) => {
    const response = await call(dv, 'GET', `admin_apps?fetchXml=${encodeURIComponent(fetchXml(inner))}`);
    expect(response.status).toBe(200);
    expect(idsOf(response.json)).toEqual([...expected].sort());
  });

  it('pages with count and page, saying whether more records follow', async () => {
    const first = await call(dv, 'GET', `admin_flows?fetchXml=${encodeURIComponent('<fetch count="3" page="1"><entity name="admin_flow"><attribute name="admin_displayname" /><order attribute="admin_displayname" /></entity></fetch>')}`, { headers: { Prefer: 'odata.include-annotations="*"' } });
    expect(first.json['@Microsoft.Dynamics.CRM.morerecords']).toBe(true);
    expect(first.json.value.map((r: { admin_displayname: string }) => r.admin_displayname)).toEqual(['flow 0', 'flow 1', 'flow 2']);
    const last = await call(dv, 'GET', `admin_flows?fetchXml=${encodeURIComponent('<fetch count="3" page="3"><entity name="admin_flow"><attribute name="admin_displayname" /><order attribute="admin_displayname" /></entity></fetch>')}`, { headers: { Prefer: 'odata.include-annotations="*"' } });
    expect(last.json['@Microsoft.Dynamics.CRM.morerecords']).toBe(false);
    expect(last.json.value.map((r: { admin_displayname: string }) => r.admin_displayname)).toEqual(['flow 6']);
  });

  it.each<[string, string, string, RegExp]>([
    ['an entity other than the set\'s table', '<fetch><entity name="admin_flow" /></fetch>', '0x80040203', /does not match the entity set's table admin_app/],
    ['an unknown attribute', '<fetch><entity name="admin_app"><attribute name="nope" /></entity></fetch>', '0x80041103', /doesn't contain attribute with Name = 'nope'/],
    ['a link-entity', '<fetch><entity name="admin_app"><link-entity name="admin_flow" /></entity></fetch>', '0x80040203', /<link-entity> is not supported/],
    ['an unsupported operator', '<fetch><entity name="admin_app"><filter><condition attribute="admin_displayname" operator="last-x-days" value="3" /></filter></entity></fetch>', '0x80040203', /'last-x-days' is not supported/],
    ['a DTD (XXE)', '<!DOCTYPE fetch [<!ENTITY x SYSTEM "file:///etc/passwd">]><fetch><entity name="admin_app" /></fetch>', '0x80040203', /Invalid FetchXML/],
    ['XML that is not well-formed', '<fetch><entity name="admin_app">', '0x80040203', /Invalid FetchXML/],
  ])('refuses %s', async (_name, xml, code, message) => {
    const response = await call(dv, 'GET', `admin_apps?fetchXml=${encodeURIComponent(xml)}`);
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({ code, message: expect.stringMatching(message) });
  });
});

describe('rowCount (for tools: the simulator counts the rows it wrote)', () => {
  it('counts every row, past the 5,000 that $count stops at', async () => {
    const fresh = await startFixtureDataverse();
    try {
      fresh.store.transaction(() => {
        for (let i = 0; i < 5_003; i++) fresh.store.create('test_owners', { test_name: `owner ${i}` });
      });
      expect([fresh.store.count('test_owners'), fresh.store.rowCount('test_owners')]).toEqual([5_000, 5_003]);
      expect(fresh.store.rowCount('test_widgets')).toBe(0);
      expect(() => fresh.store.rowCount('nothing_here')).toThrow(/nothing_here/);
    } finally {
      await fresh.stop();
    }
  });
});
