import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSolution, solutionZipName } from '../../tools/solution/compose.js';
import { flowGuid } from '../../tools/solution/components/workflow.js';
import { connectorGuid, withoutSecrets } from '../../tools/solution/components/connector.js';
import { packSolution } from '../../tools/solution/pack.js';
import { readZipFile } from '../../tools/zip/index.js';
import { attr, childElements, childText, firstChild, parseXmlBytes, textOf } from '../../tools/xml/index.js';
import { fixtureInputs, tempFolder, text } from './helpers.js';
import { loadConnectorBuild, loadFlows } from '../../tools/solution/inputs.js';

const inputs = fixtureInputs();
const managed = composeSolution(inputs, true);
const unmanaged = composeSolution(inputs, false);
const xml = (files: Map<string, Buffer>, name: string) => parseXmlBytes(files.get(name)!, { file: name }).root;

describe('composing the CoE audit-log solution', () => {
  it('names the zips as the setup page expects', () => {
    expect(solutionZipName(inputs.source, true)).toBe('CenterofExcellenceAuditLogs_1_0_0_0_managed.zip');
    expect(solutionZipName(inputs.source, false)).toBe('CenterofExcellenceAuditLogs_1_0_0_0_unmanaged.zip');
  });

  it('has every part in the fixed order: customizations, solution, components by path, content types last', () => {
    const names = [...managed.keys()];
    expect(names[0]).toBe('customizations.xml');
    expect(names[1]).toBe('solution.xml');
    expect(names.at(-1)).toBe('[Content_Types].xml');
    expect(names).toContain(`Workflows/ChildAdminSyncLogs-${flowGuid('[Child] Admin | Sync Logs').toUpperCase()}.json`);
    expect(names).toContain('Connector/admin_5Foffice-20365-20management-20api_openapidefinition.json');
    expect(names).toContain('Connector/admin_5Foffice-20365-20management-20api_iconblob.Png');
    expect(names.filter((n) => n.startsWith('environmentvariabledefinitions/'))).toHaveLength(7);
    expect(names.slice(2, -1)).toEqual([...names.slice(2, -1)].sort());
  });

  it('differs between managed and unmanaged only in the Managed flag', () => {
    for (const [name, bytes] of managed) {
      if (name === 'solution.xml') continue;
      expect(unmanaged.get(name)!.equals(bytes), name).toBe(true);
    }
    expect(text(managed.get('solution.xml')).replace('<Managed>1</Managed>', '<Managed>0</Managed>')).toBe(text(unmanaged.get('solution.xml')));
  });

  it('lists root components with their type codes: table 1, flows 29, custom connector 372, environment variables 380', () => {
    const manifest = firstChild(xml(managed, 'solution.xml'), 'SolutionManifest')!;
    const roots = childElements(firstChild(manifest, 'RootComponents')!, 'RootComponent').map((r) => [attr(r, 'type'), attr(r, 'id') ?? attr(r, 'schemaName')]);
    expect(roots).toContainEqual(['1', 'admin_auditlog']);
    expect(roots).toContainEqual(['29', `{${flowGuid('Admin | Sync Audit Logs')}}`]);
    expect(roots).toContainEqual(['29', `{${flowGuid('[Child] Admin | Sync Logs')}}`]);
    expect(roots).toContainEqual(['372', `{${connectorGuid('admin_5Foffice-20365-20management-20api')}}`]);
    expect(roots.filter(([type]) => type === '380')).toHaveLength(7);
    expect(childText(manifest, 'Version')).toBe('1.0.0.0');
    expect(firstChild(manifest, 'MissingDependencies')!.children).toEqual([]);
    expect(childText(firstChild(manifest, 'Publisher')!, 'CustomizationPrefix')).toBe('admin');
  });

  it('declares workflows, the connector, connection references and the audit log table in customizations.xml', () => {
    const root = xml(managed, 'customizations.xml');
    const workflows = childElements(firstChild(root, 'Workflows')!, 'Workflow');
    expect(workflows.map((w) => attr(w, 'Name'))).toEqual(['Admin | Sync Audit Logs', '[Child] Admin | Sync Logs']);
    for (const workflow of workflows) {
      expect(childText(workflow, 'Category')).toBe('5');
      expect(childText(workflow, 'StateCode')).toBe('1');
      expect(childText(workflow, 'StatusCode')).toBe('2');
      expect(managed.has(childText(workflow, 'JsonFileName')!.slice(1))).toBe(true);
    }
    const connector = firstChild(firstChild(root, 'Connectors')!, 'Connector')!;
    expect(childText(connector, 'name')).toBe('admin_5Foffice-20365-20management-20api');
    expect(childText(connector, 'iconbrandcolor')).toBe('#007ee5');
    const references = childElements(firstChild(root, 'connectionreferences')!, 'connectionreference');
    expect(references.map((r) => attr(r, 'connectionreferencelogicalname'))).toEqual(['admin_CoEAuditLogsManagementAPI', 'admin_CoEAuditLogsDataverse', 'admin_CoEAuditLogsOffice365Outlook']);
    expect(textOf(firstChild(firstChild(references[0]!, 'customconnectorid')!, 'connectorid'))).toBe(connectorGuid('admin_5Foffice-20365-20management-20api'));
    const entity = firstChild(firstChild(root, 'Entities')!, 'Entity')!;
    const info = firstChild(firstChild(entity, 'EntityInfo')!, 'entity')!;
    expect(childText(info, 'EntitySetName')).toBe('admin_auditlogs');
    const columns = childElements(firstChild(info, 'attributes')!, 'attribute').map((a) => [childText(a, 'LogicalName'), childText(a, 'Type')]);
    expect(columns).toEqual(expect.arrayContaining([
      ['admin_auditlogid', 'primarykey'], ['admin_creationtime', 'datetime'], ['admin_appid', 'nvarchar'], ['admin_operation', 'nvarchar'],
      ['admin_title', 'nvarchar'], ['admin_userupn', 'nvarchar'], ['admin_workload', 'nvarchar'],
    ]));
  });

  it.each([
    ['admin_TenantID', '100000000', undefined],
    ['admin_StartTimeInterval', '100000001', '1'],
    ['admin_StartTimeUnit', '100000000', 'Day'],
    ['admin_TimeIntervalInterval', '100000001', '1'],
    ['admin_TimeIntervalUnit', '100000000', 'Hour'],
    ['admin_TimeSegmentsCountLimit', '100000001', '60'],
    ['admin_AdminMail', '100000000', undefined],
  ])('writes environment variable %s with type %s and default %s', (schema, type, value) => {
    const name = `environmentvariabledefinitions/${schema}/environmentvariabledefinition.xml`;
    const bytes = managed.get(name)!;
    expect(text(bytes).startsWith('<environmentvariabledefinition')).toBe(true); // no BOM, no declaration
    const root = parseXmlBytes(bytes).root;
    expect(attr(root, 'schemaname')).toBe(schema);
    expect(childText(root, 'type')).toBe(type);
    expect(childText(root, 'defaultvalue')).toBe(value);
    expect(childText(root, 'isrequired')).toBe(schema === 'admin_TenantID' ? '1' : '0');
  });

  it('never puts the client secret in the solution', () => {
    expect(JSON.stringify(inputs.connector!.apiProperties)).toContain('FIXTURE-SECRET-MUST-NOT-SHIP');
    for (const [name, bytes] of managed) expect(text(bytes), name).not.toContain('FIXTURE-SECRET-MUST-NOT-SHIP');
    const parameters = JSON.parse(text(managed.get('Connector/admin_5Foffice-20365-20management-20api_connectionparameters.json')));
    expect(parameters.token.oAuthSettings.clientId).toBe('00000000-0000-0000-0000-000000000001');
    expect(parameters.token.oAuthSettings.clientSecret).toBeUndefined();
  });

  it('gives [Content_Types].xml a BOM, a declaration and one Default per extension', () => {
    expect(text(managed.get('[Content_Types].xml'))).toBe(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /><Default Extension="json" ContentType="application/octet-stream" /><Default Extension="Png" ContentType="application/octet-stream" /></Types>',
    );
  });
});

describe('packing zips', () => {
  it('is deterministic: packing twice gives byte-identical zips', async () => {
    const a = tempFolder();
    const b = tempFolder();
    try {
      const first = await packSolution(fixtureInputs(), a.path);
      await new Promise((r) => setTimeout(r, 1100));
      const second = await packSolution(fixtureInputs(), b.path);
      expect(readFileSync(first.managed).equals(readFileSync(second.managed))).toBe(true);
      expect(readFileSync(first.unmanaged).equals(readFileSync(second.unmanaged))).toBe(true);
      const read = await readZipFile(first.managed);
      expect(read.entries.map((e) => e.name)).toEqual([...managed.keys()]);
      expect(read.entries.every((e) => e.method === 8)).toBe(true);
    } finally {
      a.done();
      b.done();
    }
  });

  it('keeps component ids when the version changes', () => {
    const next = composeSolution({ ...inputs, source: { ...inputs.source, version: '1.1.0.0' } }, true);
    expect([...next.keys()]).toEqual([...managed.keys()]);
    expect(text(next.get('customizations.xml'))).toBe(text(managed.get('customizations.xml')));
  });

  it('refuses to write a package holding a secret', async () => {
    const folder = tempFolder();
    try {
      const leaky = { ...inputs, flows: new Map([...inputs.flows].map(([k, v], i) => [k, i === 0 ? Buffer.from(text(v).replace('"schemaVersion"', '"clientSecret": "s3cr3t", "schemaVersion"')) : v])) };
      await expect(packSolution(leaky, folder.path)).rejects.toThrow(/secret/);
    } finally {
      folder.done();
    }
  });

  it('names the file and the command to run when the connector or flows were not built', () => {
    const folder = tempFolder();
    try {
      expect(() => loadConnectorBuild(join(folder.path, 'public'))).toThrow(/apiDefinition\.swagger\.json.*ppkit connector build|ppkit connector build/);
      expect(() => loadFlows(inputs.source, folder.path)).toThrow(/ppkit flow render/);
    } finally {
      folder.done();
    }
  });
});

describe('secret values in connector properties', () => {
  it.each([
    [{ token: { oAuthSettings: { clientId: 'id', clientSecret: 'value' } } }, { token: { oAuthSettings: { clientId: 'id' } } }],
    [{ password: { type: 'securestring', uiDefinition: { displayName: 'Password' } } }, { password: { type: 'securestring', uiDefinition: { displayName: 'Password' } } }],
    [{ api_key: { type: 'securestring' }, apiKey: 'abc' }, { api_key: { type: 'securestring' } }],
  ])('keeps definitions and drops values: %j', (input, expected) => {
    expect(withoutSecrets(input)).toEqual(expected);
  });
});
