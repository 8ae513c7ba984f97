import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLegacyFlow, legacyPackageEntries, writeLegacyPackage } from '../../tools/solution/legacy-package.js';
import { readZipFile } from '../../tools/zip/index.js';
import { FIXTURE_DIST, tempFolder, text } from './helpers.js';

const definition = {
  name: 'c89678d5-0108-51f6-bf28-8864ead41cd4',
  id: '/providers/Microsoft.Flow/flows/c89678d5-0108-51f6-bf28-8864ead41cd4',
  type: 'Microsoft.Flow/flows',
  properties: {
    apiId: '/providers/Microsoft.PowerApps/apis/shared_logicflows',
    displayName: 'Admin | Sync Audit Logs',
    definition: { triggers: {}, actions: {} },
    connectionReferences: {
      shared_commondataserviceforapps: { connectionName: 'shared_commondataserviceforapps', source: 'Embedded', id: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps', tier: 'NotSpecified' },
      'shared_office-20365-20audit-20logs': { connectionName: 'shared_office-20365-20audit-20logs', source: 'Embedded', id: '/providers/Microsoft.PowerApps/apis/shared_office-20365-20audit-20logs', tier: 'NotSpecified' },
    },
  },
};

describe('legacy flow package (Flow-SyncAuditLogs.zip)', () => {
  const entries = legacyPackageEntries(definition, { connectorNames: { 'shared_office-20365-20audit-20logs': 'Office 365 Audit Logs' } });
  const json = (suffix: string) => JSON.parse(text((entries.find((e) => e.name === suffix) ?? entries.find((e) => e.name.endsWith(`/${suffix}`)))!.data));

  it('has the export format entries in their fixed order', () => {
    const names = entries.map((e) => e.name.replace(/[0-9a-f-]{36}/, '<pkg>'));
    expect(names).toEqual([
      'Microsoft.Flow/flows/<pkg>/apisMap.json',
      'Microsoft.Flow/flows/<pkg>/connectionsMap.json',
      'Microsoft.Flow/flows/<pkg>/definition.json',
      'Microsoft.Flow/flows/manifest.json',
      'manifest.json',
    ]);
  });

  it('maps each connection to an api and a connection resource of the manifest', () => {
    const manifest = json('Microsoft.Flow/flows/manifest.json') as { flowAssets: { assetPaths: string[] } };
    const root = json('manifest.json') as { resources: Record<string, { type: string; dependsOn: string[]; hierarchy: string; suggestedCreationType: string; details: { displayName: string } }> };
    const pkg = manifest.flowAssets.assetPaths[0]!;
    expect(root.resources[pkg]!.type).toBe('Microsoft.Flow/flows');
    expect(root.resources[pkg]!.hierarchy).toBe('Root');
    const apis = json('apisMap.json') as Record<string, string>;
    const connections = json('connectionsMap.json') as Record<string, string>;
    expect(Object.keys(apis)).toEqual(Object.keys(definition.properties.connectionReferences).sort());
    expect(Object.keys(connections)).toEqual(Object.keys(apis));
    for (const key of Object.keys(apis)) {
      expect(root.resources[apis[key]!]!.type).toBe('Microsoft.PowerApps/apis');
      expect(root.resources[connections[key]!]!.type).toBe('Microsoft.PowerApps/apis/connections');
      expect(root.resources[connections[key]!]!.dependsOn).toEqual([apis[key]]);
      expect(root.resources[pkg]!.dependsOn).toEqual(expect.arrayContaining([apis[key], connections[key]]));
    }
    expect(root.resources[apis['shared_office-20365-20audit-20logs']!]!.details.displayName).toBe('Office 365 Audit Logs');
    expect(json('definition.json')).toEqual(definition);
  });

  it('is byte-identical from one build to the next', async () => {
    const folder = tempFolder();
    try {
      const flow = findLegacyFlow(join(FIXTURE_DIST, 'flows'));
      await writeLegacyPackage(flow, join(folder.path, 'a.zip'));
      await writeLegacyPackage(flow, join(folder.path, 'b.zip'));
      expect(readFileSync(join(folder.path, 'a.zip')).equals(readFileSync(join(folder.path, 'b.zip')))).toBe(true);
      expect((await readZipFile(join(folder.path, 'a.zip'))).entries).toHaveLength(5);
    } finally {
      folder.done();
    }
  });

  it('needs exactly one rendered legacy flow', () => {
    const folder = tempFolder();
    try {
      expect(() => findLegacyFlow(folder.path)).toThrow(/expected one legacy flow.*ppkit flow render/);
    } finally {
      folder.done();
    }
  });
});
