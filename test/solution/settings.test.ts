import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSolution } from '../../tools/solution/compose.js';
import { deploymentSettings, readSettingsValues } from '../../tools/solution/settings.js';
import { fixtureInputs, tempFolder } from './helpers.js';

const files = composeSolution(fixtureInputs(), true);

describe('deployment settings', () => {
  it('lists every environment variable and connection reference with empty values to fill', () => {
    const settings = deploymentSettings(files);
    expect(Object.keys(settings)).toEqual(['EnvironmentVariables', 'ConnectionReferences']);
    expect(settings.EnvironmentVariables.map((v) => v.SchemaName)).toEqual([
      'admin_AdminMail', 'admin_StartTimeInterval', 'admin_StartTimeUnit', 'admin_TenantID', 'admin_TimeIntervalInterval', 'admin_TimeIntervalUnit', 'admin_TimeSegmentsCountLimit',
    ]);
    expect(settings.EnvironmentVariables.every((v) => v.Value === '')).toBe(true);
    expect(settings.ConnectionReferences).toEqual([
      { LogicalName: 'admin_CoEAuditLogsManagementAPI', ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_admin-5foffice-20365-20management-20api' },
      { LogicalName: 'admin_CoEAuditLogsDataverse', ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps' },
      { LogicalName: 'admin_CoEAuditLogsOffice365Outlook', ConnectionId: '', ConnectorId: '/providers/Microsoft.PowerApps/apis/shared_office365' },
    ]);
  });

  it.each([
    ['values.yaml', 'environmentVariables:\n  admin_TenantID: 72f988bf-86f1-41af-91ab-2d7cd011db47\n  admin_StartTimeInterval: 2\nconnectionReferences:\n  admin_CoEAuditLogsDataverse: 4c5b8d2e9f0a41b3a6c7d8e9f0a1b2c3\n'],
    ['values.json', JSON.stringify({ EnvironmentVariables: [{ SchemaName: 'admin_TenantID', Value: '72f988bf-86f1-41af-91ab-2d7cd011db47' }, { SchemaName: 'admin_StartTimeInterval', Value: '2' }], ConnectionReferences: [{ LogicalName: 'admin_CoEAuditLogsDataverse', ConnectionId: '4c5b8d2e9f0a41b3a6c7d8e9f0a1b2c3', ConnectorId: 'x' }] })],
  ])('fills values from %s', (name, content) => {
    const folder = tempFolder();
    try {
      writeFileSync(join(folder.path, name), content);
      const settings = deploymentSettings(files, readSettingsValues(join(folder.path, name)));
      expect(settings.EnvironmentVariables.find((v) => v.SchemaName === 'admin_TenantID')!.Value).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
      expect(settings.EnvironmentVariables.find((v) => v.SchemaName === 'admin_StartTimeInterval')!.Value).toBe('2');
      expect(settings.EnvironmentVariables.find((v) => v.SchemaName === 'admin_AdminMail')!.Value).toBe('');
      expect(settings.ConnectionReferences.find((r) => r.LogicalName === 'admin_CoEAuditLogsDataverse')!.ConnectionId).toBe('4c5b8d2e9f0a41b3a6c7d8e9f0a1b2c3');
    } finally {
      folder.done();
    }
  });

  it.each([
    ['environmentVariables:\n  admin_TenantId: x\n', /environment variable "admin_TenantId" is not in the solution/],
    ['connectionReferences:\n  admin_Nope: x\n', /connection reference "admin_Nope" is not in the solution/],
    ['environmentVariables: [1, 2]\n', /must be a mapping/],
    ['tenant: x\n', /unknown key "tenant"/],
  ])('refuses values file %j', (content, message) => {
    const folder = tempFolder();
    try {
      writeFileSync(join(folder.path, 'values.yaml'), content);
      expect(() => deploymentSettings(files, readSettingsValues(join(folder.path, 'values.yaml')), 'values.yaml')).toThrow(message);
    } finally {
      folder.done();
    }
  });
});
