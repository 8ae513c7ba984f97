/**
 * The CoE "Admin | Audit Logs | Office 365 Management API Subscription" flow (fixture, unchanged) with
 * its client secret kept the recommended way: a Secret-type environment variable pointing into Azure
 * Key Vault, read with the Dataverse connector's "Perform an unbound action"
 * (RetrieveEnvironmentVariableSecretValue). The emulator holds the Key Vault secret; the text secret
 * variable is wrong on purpose, so the run only succeeds if the flow took the Key Vault path.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYamlFile } from '../../tools/core/read-input.js';
import { historyToJson, loadWorkflow, runFlow, type LoadedWorkflow } from '../../tools/engine/index.js';
import { defineTables, startDataverse, type RunningDataverse, type TableDefinition } from '../../tools/mocks/dataverse/index.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startO365Mock, type O365Mock } from '../../tools/mocks/o365/index.js';
import { FIXTURES } from './fixtures.js';

const NOW = '2026-11-20T12:00:00Z';
const FLOW = join(FIXTURES, 'coe-starter-kit', 'CenterofExcellenceCoreComponents', 'Workflows', 'AdminAuditLogsOffice365ManagementAPISubscription-CCCA4A5C-21E8-ED11-A7C6-0022480813FF.json');
const VAULT_REFERENCE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/coe/providers/Microsoft.KeyVault/vaults/coe-vault/secrets/auditlogs-client-secret';
let o365: O365Mock;
let dataverse: RunningDataverse;
let workflow: LoadedWorkflow;

/** The subscription flow's tables, with the definition's `type` column (Secret = 100000005) that Key Vault variables need. */
function tables(): TableDefinition[] {
  const { tables: definitions } = readYamlFile(join(import.meta.dirname, 'inputs', 'coe-subscription-tables.yaml')).value as { tables: TableDefinition[] };
  const definition = definitions.find((t) => t.logicalName === 'environmentvariabledefinition')!;
  definition.columns = { ...definition.columns, type: { type: 'choice', options: { '100000000': 'String', '100000005': 'Secret' } } };
  return definitions;
}

beforeAll(async () => {
  const clock = () => new Date(NOW);
  o365 = await startO365Mock({ seed: 'realworld-key-vault', now: clock, startCooldownMinutes: 0 });
  dataverse = await startDataverse({ tables: defineTables(tables()), now: clock, secrets: { [VAULT_REFERENCE]: DEFAULT_CLIENT_SECRET } });
  const store = dataverse.store;
  store.create('environmentvariabledefinitions', { schemaname: 'admin_auditlogsclientid', type: 100000000, defaultvalue: DEFAULT_CLIENT_ID });
  store.create('environmentvariabledefinitions', { schemaname: 'admin_auditlogsclientsecret', type: 100000000, defaultvalue: 'not-the-secret' });
  store.create('environmentvariabledefinitions', { schemaname: 'admin_auditlogsclientazuresecret', type: 100000005, defaultvalue: VAULT_REFERENCE });
  workflow = (await loadWorkflow(FLOW)).workflow;
  store.create('admin_coesolutionmetadatas', { admin_objectname: workflow.name });
}, 60_000);

afterAll(async () => {
  await Promise.all([o365?.stop(), dataverse?.stop()]);
});

const toMock: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(/^https:\/\/(manage\.office\.com|login\.windows\.net)/, o365.url), init);

describe('CoE subscription flow with its client secret in Azure Key Vault', { timeout: 60_000 }, () => {
  it('reads the secret with RetrieveEnvironmentVariableSecretValue and signs in with it; the secret stays out of the history', async () => {
    const result = await runFlow({
      workflow,
      now: NOW,
      trigger: { headers: {}, body: { text: 'list' } },
      fetch: toMock,
      connections: { shared_commondataserviceforapps: { baseUrl: dataverse.url } },
      parameters: { admin_TenantID: o365.tenantId },
    });
    const history = historyToJson(result.history) as { actions: { name: string; status: string }[] };
    const statusOf = (name: string) => history.actions.find((a) => a.name === name)?.status;
    expect(statusOf('Get_Azure_Secret')).toBe('Succeeded');
    expect(statusOf('Set_Secret_AzureType_to_false_if_failed')).toBe('Skipped');
    expect(result.status).toBe('Succeeded');
    expect(result.response?.body).toEqual({ operation: 'list', response: 'NO', statuscode: '200' });
    expect(JSON.stringify(history)).not.toContain(DEFAULT_CLIENT_SECRET);
  });
});
