import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPackageFiles, checkSolution } from '../../tools/solution/check/index.js';
import { composeSolution } from '../../tools/solution/compose.js';
import { flowGuid } from '../../tools/solution/components/workflow.js';
import { folderToZip } from '../../tools/solution/layout.js';
import { legacyPackageEntries } from '../../tools/solution/legacy-package.js';
import { readSolutionFolder } from '../../tools/solution/storage.js';
import { buildZip } from '../../tools/zip/index.js';
import { fixtureInputs, MICROSOFT_LAYOUT, tempFolder, text } from './helpers.js';
import { readFileSync } from 'node:fs';
import { FIXTURE_DIST } from './helpers.js';

const good = composeSolution(fixtureInputs(), true);
const CHILD_JSON = [...good.keys()].find((n) => n.startsWith('Workflows/ChildAdminSyncLogs'))!;
const PARENT_JSON = [...good.keys()].find((n) => n.startsWith('Workflows/AdminSyncAuditLogs'))!;

type Edit = (files: Map<string, Buffer>) => void;
const replaceIn = (entry: string, from: string | RegExp, to: string): Edit => (files) => {
  const before = text(files.get(entry));
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${entry} changed nothing`);
  files.set(entry, Buffer.from(after));
};
const remove = (entry: string): Edit => (files) => void files.delete(entry);

async function codesAfter(edit: Edit): Promise<{ code: string; severity: string; file?: string; line?: number }[]> {
  const files = new Map(good);
  edit(files);
  return (await checkPackageFiles(files, 'x.zip')).map((d) => ({ code: d.code, severity: d.severity, file: d.file, line: d.line }));
}

describe('solution check', () => {
  it('passes our solution and the Microsoft-layout fixture with no findings', async () => {
    expect(await checkPackageFiles(good, 'ours.zip')).toEqual([]);
    expect(await checkPackageFiles(folderToZip(readSolutionFolder(MICROSOFT_LAYOUT)), 'ms')).toEqual([]);
  });

  it.each<[string, Edit, string, string?]>([
    ['solution.xml missing', remove('solution.xml'), 'required-files'],
    ['[Content_Types].xml missing', remove('[Content_Types].xml'), 'required-files'],
    ['an extension without content type', (f) => f.set('CanvasApps/app.msapp', Buffer.from('x')), 'content-types'],
    ['customizations.xml not well-formed', replaceIn('customizations.xml', '</ImportExportXml>', ''), 'xml-well-formed'],
    ['DTD in solution.xml', replaceIn('solution.xml', '<ImportExportXml', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ImportExportXml'), 'xml-well-formed'],
    ['flow JSON not JSON', (f) => f.set(CHILD_JSON, Buffer.from('{"properties": ')), 'xml-well-formed'],
    ['no SolutionManifest', replaceIn('solution.xml', /<SolutionManifest>[\s\S]*<\/SolutionManifest>/, ''), 'manifest-shape'],
    ['bad Managed flag', replaceIn('solution.xml', '<Managed>1</Managed>', '<Managed>yes</Managed>'), 'manifest-shape'],
    ['bad version', replaceIn('solution.xml', '<Version>1.0.0.0</Version>', '<Version>1.0.beta</Version>'), 'version-format'],
    ['short version', replaceIn('solution.xml', '<Version>1.0.0.0</Version>', '<Version>1.0</Version>'), 'version-format', 'warning'],
    ['root flow without workflow', replaceIn('customizations.xml', /<Workflow WorkflowId="\{[^}]+\}" Name="\[Child\][\s\S]*?<\/Workflow>/, ''), 'root-components'],
    ['workflow that is no root component', replaceIn('solution.xml', `<RootComponent type="29" id="{${flowGuid('[Child] Admin | Sync Logs')}}" behavior="0" />`, ''), 'root-components'],
    ['environment variable that is no root component', replaceIn('solution.xml', '<RootComponent type="380" schemaName="admin_AdminMail" behavior="0" />', ''), 'root-components', 'warning'],
    ['root table without entity', replaceIn('solution.xml', 'schemaName="admin_auditlog"', 'schemaName="admin_nosuchtable"'), 'root-components'],
    ['workflow file missing', remove(CHILD_JSON), 'component-files'],
    ['connector file missing', remove('Connector/admin_5Foffice-20365-20management-20api_openapidefinition.json'), 'component-files'],
    ['env var folder and schemaname disagree', replaceIn('environmentvariabledefinitions/admin_TenantID/environmentvariabledefinition.xml', 'schemaname="admin_TenantID"', 'schemaname="admin_Other"'), 'environment-variables'],
    ['unknown env var type', replaceIn('environmentvariabledefinitions/admin_TenantID/environmentvariabledefinition.xml', '<type>100000000</type>', '<type>42</type>'), 'environment-variables'],
    ['Number default not a number', replaceIn('environmentvariabledefinitions/admin_StartTimeInterval/environmentvariabledefinition.xml', '<defaultvalue>1</defaultvalue>', '<defaultvalue>one</defaultvalue>'), 'environment-variables'],
    ['Secret with a default', replaceIn('environmentvariabledefinitions/admin_StartTimeUnit/environmentvariabledefinition.xml', '<type>100000000</type>', '<type>100000005</type>'), 'environment-variables'],
    ['flow uses a connection reference not in the solution', replaceIn(CHILD_JSON, '"admin_CoEAuditLogsDataverse"', '"admin_Missing"'), 'flow-references'],
    ['flow reads an environment variable not in the solution', remove('environmentvariabledefinitions/admin_AdminMail/environmentvariabledefinition.xml'), 'flow-references'],
    ['parent calls a child flow not in the solution', replaceIn(PARENT_JSON, flowGuid('[Child] Admin | Sync Logs'), '00000000-0000-0000-0000-000000000000'), 'flow-references'],
    ['connection reference without a connector id', replaceIn('customizations.xml', '<connectorid>/providers/Microsoft.PowerApps/apis/shared_office365</connectorid>', '<connectorid>office365</connectorid>'), 'connection-references'],
    ['connection reference for a custom connector not in the solution', replaceIn('customizations.xml', /(<customconnectorid>\s*<connectorid>)[^<]+/, '$100000000-0000-0000-0000-00000000beef'), 'connection-references'],
    ['a secret in a flow', replaceIn(PARENT_JSON, '"schemaVersion"', '"password": "hunter2", "schemaVersion"'), 'no-secrets'],
  ])('reports %s', async (_name, edit, code, severity = 'error') => {
    const found = await codesAfter(edit);
    expect(found.map((d) => `${d.code}:${d.severity}`)).toContain(`${code}:${severity}`);
  });

  it('locates JSON findings by line in the flow file', async () => {
    const found = await codesAfter(replaceIn(CHILD_JSON, '"admin_CoEAuditLogsDataverse"', '"admin_Missing"'));
    const finding = found.find((d) => d.code === 'flow-references')!;
    expect(finding.file).toBe(`x.zip!/${CHILD_JSON}`);
    expect(finding.line).toBeGreaterThan(1);
  });

  it('names the line of an XML syntax error', async () => {
    const found = await codesAfter(replaceIn('customizations.xml', '<Roles />', '<Roles>'));
    const finding = found.find((d) => d.code === 'xml-well-formed')!;
    expect(finding.file).toBe('x.zip!/customizations.xml');
    expect(finding.line).toBeGreaterThan(1);
  });

  it('names the folder\'s own files when checking an unpacked folder', async () => {
    const folder = tempFolder();
    try {
      const { unpackSolution } = await import('../../tools/solution/unpack.js');
      const zip = join(folder.path, 'ours.zip');
      const broken = new Map(good);
      broken.set('solution.xml', Buffer.from(text(good.get('solution.xml')).replace('<Version>1.0.0.0</Version>', '<Version>one</Version>')));
      writeFileSync(zip, await buildZip([...broken].map(([name, data]) => ({ name, data }))));
      await unpackSolution(zip, join(folder.path, 'src'));
      const result = await checkSolution(join(folder.path, 'src'));
      expect(result.kind).toBe('folder');
      expect(result.diagnostics.map((d) => [d.code, d.file])).toContainEqual(['version-format', join(folder.path, 'src', 'Other', 'Solution.xml')]);
    } finally {
      folder.done();
    }
  });

  it('accepts a custom connector the solution takes from another solution (by id or schema name)', async () => {
    const files = folderToZip(readSolutionFolder(MICROSOFT_LAYOUT));
    // Move the connector out, as the CoE audit-log solution does (its connector lives in Core).
    const custom = text(files.get('customizations.xml')).replace(/<Connectors>[\s\S]*<\/Connectors>/, '');
    files.set('customizations.xml', Buffer.from(custom));
    for (const name of [...files.keys()]) if (name.startsWith('Connector/')) files.delete(name);
    const manifest = text(files.get('solution.xml')).replace(/<RootComponent type="372"[^>]*\/>/, '').replace('<MissingDependencies>', '<MissingDependencies><MissingDependency><Required type="372" schemaName="contoso_5Fcontoso-20notify" displayName="Contoso Notify" solution="ContosoCore (1.0.0.3)" id="{8d1c6e2a-3f4b-4a5c-9e7d-1b2c3d4e5f60}" /><Dependent type="connectionreference" id.connectionreferencelogicalname="contoso_sharedcontoso5fcontoso20notify_4a1b2" /></MissingDependency>');
    files.set('solution.xml', Buffer.from(manifest));
    expect(await checkPackageFiles(files, 'ms')).toEqual([]);
  });

  it('accepts what the solution takes from another solution (MissingDependencies)', async () => {
    // The Microsoft-layout fixture reads contoso_SharedMailbox, declared as a missing dependency.
    const files = folderToZip(readSolutionFolder(MICROSOFT_LAYOUT));
    expect((await checkPackageFiles(files, 'ms')).filter((d) => d.code === 'flow-references')).toEqual([]);
    files.set('solution.xml', Buffer.from(text(files.get('solution.xml')).replace(/<MissingDependencies>[\s\S]*<\/MissingDependencies>/, '<MissingDependencies />')));
    expect((await checkPackageFiles(files, 'ms')).map((d) => d.code)).toContain('flow-references');
  });
});

describe('checking a legacy flow package', () => {
  const legacyFlow = JSON.parse(readFileSync(join(FIXTURE_DIST, 'flows', 'legacy', 'SyncAuditLogs.json'), 'utf8'));
  const legacyDefinition = { name: 'x', id: '/providers/Microsoft.Flow/flows/x', type: 'Microsoft.Flow/flows', properties: { ...legacyFlow.properties, connectionReferences: {
    'shared_admin-5foffice-20365-20management-20api': { connectionName: 'shared_admin-5foffice-20365-20management-20api', source: 'Embedded', id: '/providers/Microsoft.PowerApps/apis/shared_admin-5foffice-20365-20management-20api', tier: 'NotSpecified' },
    shared_commondataserviceforapps: { connectionName: 'shared_commondataserviceforapps', source: 'Embedded', id: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps', tier: 'NotSpecified' },
  } } };
  const entries = () => new Map(legacyPackageEntries(legacyDefinition).map((e) => [e.name, e.data]));

  it('passes a package ppkit wrote', async () => {
    expect(await checkPackageFiles(entries(), 'Flow.zip')).toEqual([]);
  });

  it('reports a connection map that does not match the flow', async () => {
    const files = entries();
    const mapName = [...files.keys()].find((n) => n.endsWith('apisMap.json'))!;
    files.set(mapName, Buffer.from('{"shared_other": "nope"}'));
    expect((await checkPackageFiles(files, 'Flow.zip')).map((d) => d.code)).toContain('flow-package-shape');
  });

  it('needs the connection maps only when the flow has connections', async () => {
    const files = entries();
    const maps = [...files.keys()].filter((n) => /(apisMap|connectionsMap)\.json$/.test(n));
    for (const name of maps) files.delete(name);
    const missing = await checkPackageFiles(files, 'Flow.zip');
    expect(missing.filter((d) => d.code === 'flow-package-shape').map((d) => d.message)).toEqual(['apisMap.json is missing or not a JSON object', 'connectionsMap.json is missing or not a JSON object']);
    // The same package for a flow without connections, as exports of such flows come: no maps needed.
    const definitionName = [...files.keys()].find((n) => n.endsWith('/definition.json'))!;
    const definition = JSON.parse(text(files.get(definitionName)));
    definition.properties.connectionReferences = {};
    files.set(definitionName, Buffer.from(JSON.stringify(definition)));
    expect((await checkPackageFiles(files, 'Flow.zip')).filter((d) => d.code === 'flow-package-shape')).toEqual([]);
  });
});

describe('checking from disk', () => {
  it('passes the Microsoft-layout folder, flow lint included, taking MissingDependencies into account', async () => {
    const result = await checkSolution(MICROSOFT_LAYOUT);
    expect(result.kind).toBe('folder');
    expect(result.diagnostics).toEqual([]);
  });

  it('reads zips through the hostile-zip reader', async () => {
    const folder = tempFolder();
    try {
      const path = join(folder.path, 'ours.zip');
      writeFileSync(path, await buildZip([...good].map(([name, data]) => ({ name, data }))));
      const result = await checkSolution(path);
      expect(result.kind).toBe('zip');
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      await expect(checkSolution(join(folder.path, 'none.zip'))).rejects.toThrow(/no such file/);
      // The flow linter runs on the flows in the zip and its findings carry the entry and line.
      const broken = new Map(good);
      broken.set(CHILD_JSON, Buffer.from(text(good.get(CHILD_JSON)).replace('"item/admin_title": "x"', '"item/admin_title": "@bogusFunction(1)"')));
      writeFileSync(path, await buildZip([...broken].map(([name, data]) => ({ name, data }))));
      const lint = (await checkSolution(path)).diagnostics.find((d) => d.code === 'expression-unknown-function');
      expect(lint?.file).toBe(`${path}!/${CHILD_JSON}`);
      expect(lint?.line).toBeGreaterThan(1);
    } finally {
      folder.done();
    }
  });
});
