import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTablesFiles, COE_CORE_TABLES_FILE, startDataverse, type RunningDataverse } from '../../tools/mocks/dataverse/index.js';
import { startMailSink, type MailSink } from '../../tools/mocks/mail/index.js';
import { runFlow, runSummary, type WorkflowDefinition } from '../../tools/engine/index.js';

/** The engine against the real mocks: the Dataverse emulator (SQLite) and the Outlook mail sink, over HTTP. */
let dataverse: RunningDataverse;
let mail: MailSink;

beforeAll(async () => {
  dataverse = await startDataverse({ tables: loadTablesFiles([COE_CORE_TABLES_FILE]) });
  mail = await startMailSink();
});

afterAll(async () => {
  await dataverse?.stop();
  await mail?.stop();
});

const APP = '5a1c4d2e-0000-4000-8000-0000000000aa';
const host = (operationId: string) => ({ connectionName: 'shared_commondataserviceforapps', operationId, apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps' });
const dv = (operationId: string, parameters: Record<string, unknown>, runAfter?: Record<string, string[]>) => ({ type: 'OpenApiConnection', inputs: { host: host(operationId), parameters, authentication: "@parameters('$authentication')" }, ...(runAfter ? { runAfter } : {}) });

const definition: WorkflowDefinition = {
  triggers: { manual: { type: 'Request', kind: 'Button', inputs: { schema: {} } } },
  actions: {
    Upsert_app: dv('UpdateRecord', { entityName: 'admin_apps', recordId: APP, 'item/admin_displayname': 'Expenses' }),
    Log_launch: dv('CreateRecord', { entityName: 'admin_auditlogs', 'item/admin_title': 'LaunchPowerApp', 'item/admin_operation': 'LaunchPowerApp', 'item/admin_AppLookup@odata.bind': `/admin_apps(${APP})` }, { Upsert_app: ['Succeeded'] }),
    List_logs: dv('ListRecords', { entityName: 'admin_auditlogs', $filter: "admin_operation eq 'LaunchPowerApp'", $select: 'admin_title,_admin_applookup_value' }, { Log_launch: ['Succeeded'] }),
    Get_app: dv('GetItem', { entityName: 'admin_apps', recordId: `{${APP.toUpperCase()}}`, $select: 'admin_displayname' }, { List_logs: ['Succeeded'] }),
    Update_missing: dv('UpdateOnlyRecord', { entityName: 'admin_flows', recordId: '00000000-0000-4000-8000-0000000000f1', 'item/admin_flowdeleted': true }, { Get_app: ['Succeeded'] }),
    Notify: {
      type: 'OpenApiConnection',
      inputs: { host: { connectionName: 'shared_office365', operationId: 'SendEmailV2' }, parameters: { 'emailMessage/To': 'admin@contoso.com', 'emailMessage/Subject': "Launched @{body('Get_app')?['admin_displayname']}", 'emailMessage/Body': "<p>@{length(outputs('List_logs')?['body/value'])} launch(es)</p>" } },
      runAfter: { Update_missing: ['Failed'] },
    },
    Delete_app: dv('DeleteRecord', { entityName: 'admin_apps', recordId: APP }, { Notify: ['Succeeded'] }),
  },
};

describe('flow engine against the Dataverse and mail mocks', () => {
  it('creates, reads, updates and deletes rows, and sends mail, as the connectors would', async () => {
    const result = await runFlow({
      definition,
      connections: { shared_commondataserviceforapps: { baseUrl: dataverse.url }, shared_office365: { baseUrl: mail.url } },
      now: '2024-01-01T00:00:00Z',
    });
    const summary = runSummary(result);
    expect(summary.actions.Upsert_app?.status).toBe('Succeeded');
    expect(summary.actions.Log_launch?.status).toBe('Succeeded');
    const list = summary.actions.List_logs?.outputs as { statusCode: number; body: { value: Array<Record<string, unknown>> } };
    expect(list.statusCode).toBe(200);
    expect(list.body.value).toHaveLength(1);
    expect(list.body.value[0]).toMatchObject({ admin_title: 'LaunchPowerApp', _admin_applookup_value: APP });
    expect((summary.actions.Get_app?.outputs as { body: Record<string, unknown> }).body.admin_displayname).toBe('Expenses');
    expect(summary.actions.Update_missing).toMatchObject({ status: 'Failed', error: { code: 'NotFound' } });
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]).toMatchObject({ To: 'admin@contoso.com', Subject: 'Launched Expenses', Body: '<p>1 launch(es)</p>' });
    expect(summary.actions.Delete_app?.status).toBe('Succeeded');
    // Update_missing failed but its handler (Notify) succeeded and the chain ended Succeeded.
    expect(result.status).toBe('Succeeded');
  });
});
