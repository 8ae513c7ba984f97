/**
 * The CoE Starter Kit's "Admin | Audit Logs | Office 365 Management API Subscription" (Core Components,
 * fixtures/coe-starter-kit/CenterofExcellenceCoreComponents, unchanged) run on the local emulator as the
 * CoE Setup wizard calls it: a PowerApps V2 trigger with "list" / "start" / "stop", Dataverse reads of
 * the client id and secret environment variables, then Http actions with ActiveDirectoryOAuth against
 * the Office 365 Management Activity API (the O365 mock: manage.office.com and login.windows.net are
 * sent to it), answering the app with a Response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { historyToJson, loadWorkflow, runFlow, type LoadedWorkflow } from '../../tools/engine/index.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type O365Mock } from '../../tools/mocks/o365/index.js';
import { startDataverse, loadTablesFiles, type RunningDataverse } from '../../tools/mocks/dataverse/index.js';
import { FIXTURES } from './fixtures.js';

const NOW = '2026-11-20T12:00:00Z';
const FLOW = join(FIXTURES, 'coe-starter-kit', 'CenterofExcellenceCoreComponents', 'Workflows', 'AdminAuditLogsOffice365ManagementAPISubscription-CCCA4A5C-21E8-ED11-A7C6-0022480813FF.json');
let o365: O365Mock;
let dataverse: RunningDataverse;
let workflow: LoadedWorkflow;

beforeAll(async () => {
  const clock = () => new Date(NOW);
  o365 = await startO365Mock({ seed: 'realworld-subscription', now: clock, startCooldownMinutes: 0 });
  dataverse = await startDataverse({ tables: loadTablesFiles([join(import.meta.dirname, 'inputs', 'coe-subscription-tables.yaml')]), now: clock });
  // The two text environment variables the flow reads "the old way" (definition default, no current value).
  dataverse.store.update('environmentvariabledefinitions', '6a3f1c52-0d7e-4f0b-9d43-2f6f5a1c0001', { schemaname: 'admin_auditlogsclientid', defaultvalue: DEFAULT_CLIENT_ID });
  dataverse.store.update('environmentvariabledefinitions', '6a3f1c52-0d7e-4f0b-9d43-2f6f5a1c0002', { schemaname: 'admin_auditlogsclientsecret', defaultvalue: DEFAULT_CLIENT_SECRET });
  workflow = (await loadWorkflow(FLOW)).workflow;
  // The CoE inventory row whose last run the flow stamps, found by the flow's display name.
  const name = (workflow.name ?? '').toString();
  dataverse.store.update('admin_coesolutionmetadatas', '6a3f1c52-0d7e-4f0b-9d43-2f6f5a1c0003', { admin_objectname: name });
}, 60_000);

afterAll(async () => {
  await Promise.all([o365?.stop(), dataverse?.stop()]);
});

/** Sends the service hosts the flow names (the audience and authority defaults) to the O365 mock. */
const toMock: typeof fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input).replace(/^https:\/\/(manage\.office\.com|login\.windows\.net)/, o365.url);
  return fetch(url, init);
};

async function operation(text: string) {
  const result = await runFlow({
    workflow,
    now: NOW,
    trigger: { headers: {}, body: { text } },
    fetch: toMock,
    connections: { shared_commondataserviceforapps: { baseUrl: dataverse.url } },
    parameters: { admin_TenantID: o365.tenantId },
  });
  const actions = (historyToJson(result.history) as { actions: { name: string; status: string }[] }).actions;
  return { result, statusOf: (name: string) => actions.find((a) => a.name === name)?.status };
}

describe('CoE "Office 365 Management API Subscription" on the emulator', { timeout: 60_000 }, () => {
  it('list, start, list, stop, list: NO, enabled, YES, stopped, and YES again (the CoE flow ignores the status)', async () => {
    const before = await operation('list');
    expect(before.result.status).toBe('Succeeded');
    expect(before.result.response?.body).toEqual({ operation: 'list', response: 'NO', statuscode: '200' });
    // No secret-type variable: RetrieveEnvironmentVariableSecretValue fails and the flow falls back to the text secret.
    expect(before.statusOf('Set_Secret_AzureType_to_false_if_failed')).toBe('Succeeded');
    expect(before.statusOf('Error_Handling')).toBe('Skipped');
    expect(before.statusOf('Update_Last_Run_Successful')).toBe('Succeeded');

    const start = await operation('start');
    expect(start.result.status).toBe('Succeeded');
    expect(start.statusOf('StartSubscription')).toBe('Succeeded');
    expect(JSON.parse((start.result.response?.body as { response: string }).response)).toMatchObject({ contentType: 'Audit.General', status: 'enabled' });

    // The Switch compares the lower-cased text: "List" is the list case.
    const after = await operation('List');
    expect(after.result.response?.body).toEqual({ operation: 'List', response: 'YES', statuscode: '200' });

    const stop = await operation('stop');
    expect(stop.statusOf('StopSubscription')).toBe('Succeeded');
    // A defect of the CoE flow, shown by running it: /subscriptions/list keeps a stopped subscription
    // with status "disabled", and FilterAuditGeneral keeps rows by contentType only, so the app is told
    // YES for a subscription that no longer delivers content.
    expect((await operation('list')).result.response?.body).toMatchObject({ response: 'YES' });
    const stamped = dataverse.store.retrieve('admin_coesolutionmetadatas', '6a3f1c52-0d7e-4f0b-9d43-2f6f5a1c0003') as { admin_lastrunpassed?: boolean } | undefined;
    expect(stamped?.admin_lastrunpassed).toBe(true);
  });

  it('an unknown operation matches no case: nothing is called and the run still succeeds', async () => {
    const { result, statusOf } = await operation('restart');
    expect(result.status).toBe('Succeeded');
    expect(result.response).toBeUndefined();
    expect(statusOf('Switch_on_operation')).toBe('Succeeded');
    // Not called: recorded Skipped (ActionBranchingConditionNotSatisfied), as Logic Apps records a case not taken.
    expect(statusOf('GetSubscription')).toBe('Skipped');
  });
});
