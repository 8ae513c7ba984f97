/**
 * The built-in Dataverse binding's row-relating and action operations ("Relate rows", "Unrelate
 * rows", "Perform a bound action", "Perform an unbound action") as requests, and as flow runs against
 * the Dataverse emulator over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow, runSummary, type ActionDefinition } from '../../tools/engine/index.js';
import { dataverseRequest } from '../../tools/engine/connectors/dataverse-binding.js';
import { startDataverse, type RunningDataverse } from '../../tools/mocks/dataverse/index.js';

const BASE = 'http://dv.test';
const ROOT = `${BASE}/api/data/v9.2`;
const ID = '6a3f1c52-0d7e-4f0b-9d43-2f6f5a1c0001';

describe('dataverseRequest', () => {
  it.each<[string, Record<string, unknown>, { method: string; url: string; body?: unknown }]>([
    ['AssociateEntities', { entityName: 'accounts', recordId: `{${ID.toUpperCase()}}`, associationEntityRelationship: 'contact_customer_accounts', 'item/@odata.id': `${ROOT}/contacts(${ID})` }, { method: 'POST', url: `${ROOT}/accounts(${ID})/contact_customer_accounts/$ref`, body: { '@odata.id': `${ROOT}/contacts(${ID})` } }],
    ['DisassociateEntities', { entityName: 'accounts', recordId: ID, associationEntityRelationship: 'contact_customer_accounts', $id: `${ROOT}/contacts(${ID})` }, { method: 'DELETE', url: `${ROOT}/accounts(${ID})/contact_customer_accounts/$ref?$id=${encodeURIComponent(`${ROOT}/contacts(${ID})`)}` }],
    ['PerformBoundAction', { entityName: 'opportunities', recordId: ID, actionName: 'WinOpportunity', 'item/Status': 3 }, { method: 'POST', url: `${ROOT}/opportunities(${ID})/Microsoft.Dynamics.CRM.WinOpportunity`, body: { Status: 3 } }],
    ['PerformUnboundAction', { actionName: 'RetrieveEnvironmentVariableSecretValue', 'item/EnvironmentVariableName': 'admin_secret' }, { method: 'POST', url: `${ROOT}/RetrieveEnvironmentVariableSecretValue`, body: { EnvironmentVariableName: 'admin_secret' } }],
  ])('%s (and its WithOrganization form)', (operationId, parameters, expected) => {
    for (const id of [operationId, `${operationId}WithOrganization`]) {
      const request = dataverseRequest(id, { ...parameters, organization: 'https://other.crm.dynamics.com' }, BASE);
      expect({ method: request.method, url: decodeURIComponent(request.url), body: request.body }).toEqual({ ...expected, url: decodeURIComponent(expected.url) });
    }
  });

  it.each([
    ['AssociateEntities', { entityName: 'accounts', recordId: ID }, /needs 'associationEntityRelationship'/],
    ['DisassociateEntities', { entityName: 'accounts', recordId: ID, associationEntityRelationship: 'x' }, /needs '\$id'/],
    ['PerformUnboundAction', {}, /needs 'actionName'/],
  ])('%s without its parameter fails with a clear message', (operationId, parameters, message) => {
    expect(() => dataverseRequest(operationId, parameters, BASE)).toThrow(message);
  });
});

describe('flows relating rows and calling actions on the Dataverse emulator', () => {
  const VAULT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/coe/secrets/client';
  let dataverse: RunningDataverse;
  beforeAll(async () => {
    dataverse = await startDataverse({
      tables: [
        { logicalName: 'account', primaryName: 'name', columns: { name: 'string' } },
        { logicalName: 'contact', primaryName: 'lastname', columns: { lastname: 'string', parentcustomerid_account: { type: 'lookup', target: 'account', relationship: 'contact_customer_accounts' } } },
        { logicalName: 'environmentvariabledefinition', primaryName: 'schemaname', columns: { schemaname: 'string', defaultvalue: 'memo', type: { type: 'choice', options: { '100000005': 'Secret' } } } },
      ],
      secrets: { [VAULT]: 'from-key-vault' },
    });
    dataverse.store.create('environmentvariabledefinitions', { schemaname: 'admin_clientsecret', type: 100000005, defaultvalue: VAULT });
  });
  afterAll(async () => dataverse?.stop());

  const dv = (operationId: string, parameters: Record<string, unknown>, runAfter: Record<string, string[]> = {}, extra: Partial<ActionDefinition> = {}): ActionDefinition =>
    ({ type: 'OpenApiConnection', runAfter, inputs: { host: { connectionName: 'shared_commondataserviceforapps', operationId, apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps' }, parameters }, ...extra }) as ActionDefinition;

  async function run(actions: Record<string, ActionDefinition>) {
    const result = await runFlow({ definition: { triggers: { manual: { type: 'Request', kind: 'Button' } }, actions }, now: '2026-11-20T12:00:00Z', connections: { shared_commondataserviceforapps: { baseUrl: dataverse.url } } });
    return { result, summary: runSummary(result) };
  }

  it('creates an account and a contact, relates them, reads the lookup back, unrelates them', async () => {
    const S = ['Succeeded'];
    const { result, summary } = await run({
      Account: dv('CreateRecord', { entityName: 'accounts', 'item/name': 'Contoso' }),
      Contact: dv('CreateRecord', { entityName: 'contacts', 'item/lastname': 'Test' }, { Account: S }),
      Relate: dv('AssociateEntities', { entityName: 'accounts', recordId: "@outputs('Account')?['body/accountid']", associationEntityRelationship: 'contact_customer_accounts', 'item/@odata.id': "@outputs('Contact')?['body/@odata.id']" }, { Contact: S }),
      Related: dv('GetItem', { entityName: 'contacts', recordId: "@outputs('Contact')?['body/contactid']", $select: 'lastname,_parentcustomerid_account_value' }, { Relate: S }),
      Unrelate: dv('DisassociateEntities', { entityName: 'accounts', recordId: "@outputs('Account')?['body/accountid']", associationEntityRelationship: 'contact_customer_accounts', $id: "@outputs('Contact')?['body/@odata.id']" }, { Related: S }),
      Unrelated: dv('GetItem', { entityName: 'contacts', recordId: "@outputs('Contact')?['body/contactid']" }, { Unrelate: S }),
    });
    expect(result.status).toBe('Succeeded');
    const account = (summary.actions.Account?.outputs as { body: Record<string, unknown> }).body;
    expect(account['@odata.id']).toBe(`${dataverse.apiUrl}accounts(${String(account.accountid)})`);
    expect(summary.actions.Relate?.outputs).toMatchObject({ statusCode: 204 });
    expect((summary.actions.Related?.outputs as { body: Record<string, unknown> }).body._parentcustomerid_account_value).toBe(account.accountid);
    expect((summary.actions.Unrelated?.outputs as { body: Record<string, unknown> }).body._parentcustomerid_account_value).toBeNull();
  });

  it('Relate rows through a relationship the table lacks fails the action with the Web API error', async () => {
    const { result, summary } = await run({
      Account: dv('CreateRecord', { entityName: 'accounts', 'item/name': 'Contoso' }),
      Relate: dv('AssociateEntities', { entityName: 'accounts', recordId: "@outputs('Account')?['body/accountid']", associationEntityRelationship: 'no_such_relationship', 'item/@odata.id': "@outputs('Account')?['body/@odata.id']" }, { Account: ['Succeeded'] }),
    });
    expect(result.status).toBe('Failed');
    expect(summary.actions.Relate).toMatchObject({ status: 'Failed', outputs: { statusCode: 404, body: { error: { code: '0x8006088a', message: "Resource not found for the segment 'no_such_relationship'." } } } });
  });

  it('PerformUnboundAction RetrieveEnvironmentVariableSecretValue returns the secret (the CoE subscription flow reads body/EnvironmentVariableSecretValue)', async () => {
    const { result, summary } = await run({
      Get_Azure_Secret: dv('PerformUnboundAction', { actionName: 'RetrieveEnvironmentVariableSecretValue', 'item/EnvironmentVariableName': 'admin_clientsecret' }, {}, { runtimeConfiguration: { secureData: { properties: ['outputs'] } } }),
      Use: { type: 'Compose', runAfter: { Get_Azure_Secret: ['Succeeded'] }, inputs: "@length(body('Get_Azure_Secret')['EnvironmentVariableSecretValue'])" },
    });
    expect(result.status).toBe('Succeeded');
    expect(summary.actions.Use?.outputs).toBe('from-key-vault'.length);
    // Secure outputs: the secret does not reach the history.
    expect(JSON.stringify(summary.actions.Get_Azure_Secret)).not.toContain('from-key-vault');
  });

  it.each([
    ['an unbound action the environment lacks', dv('PerformUnboundAction', { actionName: 'NoSuchAction' }), "Resource not found for the segment 'NoSuchAction'."],
    ['a bound action the environment lacks', dv('PerformBoundAction', { entityName: 'accounts', recordId: ID, actionName: 'NoSuchAction' }), "Resource not found for the segment 'Microsoft.Dynamics.CRM.NoSuchAction'."],
  ])('%s fails with 404 0x8006088a', async (_name, action, message) => {
    const { summary } = await run({ Act: action });
    expect(summary.actions.Act).toMatchObject({ status: 'Failed', outputs: { statusCode: 404, body: { error: { code: '0x8006088a', message } } } });
  });
});
