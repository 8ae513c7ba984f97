/**
 * The Dataverse emulator over real HTTP: associating rows through `$ref` (collection-valued
 * navigation properties of one-to-many relationships, and single-valued lookups), unbound actions
 * (RetrieveEnvironmentVariableSecretValue), the Web API's errors for rows, relationships and actions
 * that do not exist, and full-metadata rows (`@odata.id`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runPpkit } from '../../helpers/cli.js';
import { defineTables, startDataverse, type RunningDataverse, type TableDefinition } from '../../../tools/mocks/dataverse/index.js';

const TABLES: TableDefinition[] = [
  {
    logicalName: 'account',
    primaryName: 'name',
    columns: { name: 'string', primarycontactid: { type: 'lookup', target: 'contact', relationship: 'account_primary_contact' } },
  },
  {
    logicalName: 'contact',
    primaryName: 'lastname',
    // No relationship given: the default name is <target>_<table>_<lookup>.
    columns: { lastname: 'string', parentcustomerid_account: { type: 'lookup', target: 'account', relationship: 'contact_customer_accounts' }, managerid: { type: 'lookup', target: 'contact' } },
  },
  {
    logicalName: 'environmentvariabledefinition',
    primaryName: 'schemaname',
    columns: { schemaname: 'string', defaultvalue: 'memo', type: { type: 'choice', options: { '100000000': 'String', '100000005': 'Secret' } } },
  },
  {
    logicalName: 'environmentvariablevalue',
    primaryName: 'schemaname',
    columns: { schemaname: 'string', value: 'memo', EnvironmentVariableDefinitionId: { type: 'lookup', target: 'environmentvariabledefinition' } },
  },
];

const ACCOUNT = '00000000-0000-0000-0000-00000000a001';
const OTHER_ACCOUNT = '00000000-0000-0000-0000-00000000a002';
const CONTACT = '00000000-0000-0000-0000-00000000c001';
const MANAGER = '00000000-0000-0000-0000-00000000c002';
const MISSING = '00000000-0000-0000-0000-00000000dead';
const VAULT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/coe/secrets/auditlogs-secret';

let dataverse: RunningDataverse;
let api: string;

beforeAll(async () => {
  dataverse = await startDataverse({ tables: TABLES, now: () => new Date('2026-11-20T12:00:00Z'), secrets: { [VAULT]: 'vault-value' } });
  api = dataverse.apiUrl;
});
afterAll(async () => dataverse?.stop());

beforeEach(() => {
  const store = dataverse.store;
  for (const set of ['contacts', 'accounts', 'environmentvariablevalues', 'environmentvariabledefinitions']) {
    const primaryId = store.table(set).primaryId.logicalName;
    for (const row of store.query(set).rows) store.delete(set, String(row[primaryId]));
  }
  store.create('accounts', { accountid: ACCOUNT, name: 'Contoso' });
  store.create('accounts', { accountid: OTHER_ACCOUNT, name: 'Fabrikam' });
  store.create('contacts', { contactid: CONTACT, lastname: 'Test' });
  store.create('contacts', { contactid: MANAGER, lastname: 'Boss' });
});

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${api}${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const contactLookup = (column: string) => dataverse.store.retrieve('contacts', CONTACT)[column];

describe('$ref on a collection-valued navigation property (one-to-many relationship)', () => {
  it('POST associates (the related row points here), GET lists it, DELETE ?$id= removes it; 204 each', async () => {
    const post = await send('POST', `accounts(${ACCOUNT})/contact_customer_accounts/$ref`, { '@odata.id': `${api}contacts(${CONTACT})` });
    expect(post.status).toBe(204);
    expect(contactLookup('_parentcustomerid_account_value')).toBe(ACCOUNT);
    const list = await send('GET', `accounts(${ACCOUNT})/contact_customer_accounts/$ref`);
    expect(list).toEqual({ status: 200, body: { '@odata.context': `${api}$metadata#Collection($ref)`, value: [{ '@odata.id': `${api}contacts(${CONTACT})` }] } });
    const remove = await send('DELETE', `accounts(${ACCOUNT})/contact_customer_accounts/$ref?$id=${encodeURIComponent(`${api}contacts(${CONTACT})`)}`);
    expect(remove.status).toBe(204);
    expect(contactLookup('_parentcustomerid_account_value')).toBeNull();
  });

  it('accepts a relative @odata.id and DELETE by key in the path', async () => {
    expect((await send('POST', `contacts(${CONTACT})/account_primary_contact/$ref`, { '@odata.id': `accounts(${ACCOUNT})` })).status).toBe(204);
    expect(dataverse.store.retrieve('accounts', ACCOUNT)._primarycontactid_value).toBe(CONTACT);
    expect((await send('DELETE', `contacts(${CONTACT})/account_primary_contact(${ACCOUNT})/$ref`)).status).toBe(204);
    expect(dataverse.store.retrieve('accounts', ACCOUNT)._primarycontactid_value).toBeNull();
  });

  it('names a lookup without a declared relationship <target>_<table>_<lookup>', async () => {
    expect((await send('POST', `contacts(${MANAGER})/contact_contact_managerid/$ref`, { '@odata.id': `contacts(${CONTACT})` })).status).toBe(204);
    expect(contactLookup('_managerid_value')).toBe(MANAGER);
  });

  it.each<[string, string, string, unknown, number, string, RegExp]>([
    ['the row', 'POST', `accounts(${MISSING})/contact_customer_accounts/$ref`, { '@odata.id': `contacts(${CONTACT})` }, 404, '0x80040217', /account With Id = .*dead Does Not Exist/],
    ['the related row', 'POST', `accounts(${ACCOUNT})/contact_customer_accounts/$ref`, { '@odata.id': `contacts(${MISSING})` }, 404, '0x80040217', /contact With Id = .*dead Does Not Exist/],
    ['the relationship', 'POST', `accounts(${ACCOUNT})/no_such_relationship/$ref`, { '@odata.id': `contacts(${CONTACT})` }, 404, '0x8006088a', /^Resource not found for the segment 'no_such_relationship'\.$/],
    ['a reference to another table', 'POST', `accounts(${ACCOUNT})/contact_customer_accounts/$ref`, { '@odata.id': `accounts(${OTHER_ACCOUNT})` }, 400, '0x80040203', /entity set 'contacts'/],
    ['no @odata.id', 'POST', `accounts(${ACCOUNT})/contact_customer_accounts/$ref`, {}, 400, '0x80040203', /"@odata\.id"/],
    ['an association that is not there', 'DELETE', `accounts(${ACCOUNT})/contact_customer_accounts(${CONTACT})/$ref`, undefined, 404, '0x80040217', /contact With Id/],
  ])('refuses %s', async (_name, method, path, body, status, code, message) => {
    const answer = await send(method, path, body);
    expect(answer.status).toBe(status);
    const error = (answer.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('$ref on a single-valued navigation property (a lookup)', () => {
  it('PUT sets it, GET reads it, DELETE clears it', async () => {
    expect((await send('PUT', `contacts(${CONTACT})/parentcustomerid_account/$ref`, { '@odata.id': `${api}accounts(${OTHER_ACCOUNT})` })).status).toBe(204);
    expect(await send('GET', `contacts(${CONTACT})/parentcustomerid_account/$ref`)).toEqual({ status: 200, body: { '@odata.context': `${api}$metadata#$ref`, '@odata.id': `${api}accounts(${OTHER_ACCOUNT})` } });
    expect((await send('DELETE', `contacts(${CONTACT})/parentcustomerid_account/$ref`)).status).toBe(204);
    expect(contactLookup('_parentcustomerid_account_value')).toBeNull();
    expect((await send('GET', `contacts(${CONTACT})/parentcustomerid_account/$ref`)).status).toBe(204);
  });

  it('POST on a lookup is not allowed (PUT is), as OData defines', async () => {
    const answer = await send('POST', `contacts(${CONTACT})/parentcustomerid_account/$ref`, { '@odata.id': `accounts(${ACCOUNT})` });
    expect(answer.status).toBe(405);
  });
});

describe('unbound actions', () => {
  function defineVariable(type: number, defaultvalue: string, current?: string) {
    const id = '00000000-0000-0000-0000-0000000e0001';
    dataverse.store.create('environmentvariabledefinitions', { environmentvariabledefinitionid: id, schemaname: 'admin_auditlogsclientazuresecret', type, defaultvalue });
    if (current !== undefined) dataverse.store.create('environmentvariablevalues', { schemaname: 'admin_auditlogsclientazuresecret', value: current, 'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${id})` });
  }
  const retrieve = () => send('POST', 'RetrieveEnvironmentVariableSecretValue', { EnvironmentVariableName: 'admin_auditlogsclientazuresecret' });

  it('RetrieveEnvironmentVariableSecretValue reads the Key Vault secret the current value refers to', async () => {
    defineVariable(100000005, '/elsewhere', VAULT);
    expect(await retrieve()).toEqual({ status: 200, body: { '@odata.context': `${api}$metadata#Microsoft.Dynamics.CRM.RetrieveEnvironmentVariableSecretValueResponse`, EnvironmentVariableSecretValue: 'vault-value' } });
  });

  it('falls back to the default value when the variable has no current value', async () => {
    defineVariable(100000005, VAULT);
    expect((await retrieve()).body).toMatchObject({ EnvironmentVariableSecretValue: 'vault-value' });
  });

  it.each<[string, () => void, number, string, RegExp]>([
    ['a variable that does not exist', () => undefined, 404, '0x80040217', /environmentvariabledefinition/],
    ['a variable that is not a secret', () => defineVariable(100000000, 'plain text'), 400, '0x80040203', /not of type Secret/],
    ['a secret the vault does not hold', () => defineVariable(100000005, '/subscriptions/s/vaults/coe/secrets/other'), 400, '0x80040203', /could not be read/],
  ])('fails for %s', async (_name, arrange, status, code, message) => {
    arrange();
    const answer = await retrieve();
    expect(answer.status).toBe(status);
    expect((answer.body as { error: { code: string; message: string } }).error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it.each([
    ['an unbound action it lacks', 'POST', 'NoSuchAction', "Resource not found for the segment 'NoSuchAction'."],
    ['a bound action', 'POST', `accounts(${ACCOUNT})/Microsoft.Dynamics.CRM.NoSuchAction`, "Resource not found for the segment 'Microsoft.Dynamics.CRM.NoSuchAction'."],
  ])('answers %s with 404 0x8006088a', async (_name, method, path, message) => {
    expect(await send(method, path, {})).toEqual({ status: 404, body: { error: { code: '0x8006088a', message } } });
  });
});

describe('odata.metadata=full', () => {
  it('rows carry @odata.type, @odata.id and @odata.editLink on GET, POST and PATCH with representation', async () => {
    const full = { Accept: 'application/json;odata.metadata=full', Prefer: 'return=representation' };
    const get = await send('GET', `accounts(${ACCOUNT})?$select=name`, undefined, full);
    expect(get.body).toMatchObject({ '@odata.type': '#Microsoft.Dynamics.CRM.account', '@odata.id': `${api}accounts(${ACCOUNT})`, '@odata.editLink': `accounts(${ACCOUNT})`, name: 'Contoso' });
    const created = await send('POST', 'contacts', { lastname: 'New' }, full);
    expect(created.status).toBe(201);
    expect(created.body?.['@odata.id']).toBe(`${api}contacts(${String(created.body?.contactid)})`);
    const patched = await send('PATCH', `contacts(${CONTACT})`, { lastname: 'Renamed' }, full);
    expect(patched.body).toMatchObject({ '@odata.id': `${api}contacts(${CONTACT})`, lastname: 'Renamed' });
    const list = await send('GET', 'accounts?$select=name&$orderby=name', undefined, full);
    expect((list.body?.value as Record<string, unknown>[]).map((row) => row['@odata.editLink'])).toEqual([`accounts(${ACCOUNT})`, `accounts(${OTHER_ACCOUNT})`]);
  });

  it('rows have no such annotations under minimal metadata (the default)', async () => {
    const get = await send('GET', `accounts(${ACCOUNT})`);
    expect(get.body).not.toHaveProperty('@odata.id');
  });
});

describe('ppkit mock dataverse --secrets', { timeout: 60_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'ppkit-dv-secrets-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const tablesFile = join(folder, 'env-vars.yaml');
  writeFileSync(tablesFile, 'tables:\n  - logicalName: environmentvariabledefinition\n    primaryName: schemaname\n    columns:\n      defaultvalue: memo\n      type: { type: choice, options: { "100000005": Secret } }\n');

  it('serves RetrieveEnvironmentVariableSecretValue from the secrets file', async () => {
    const secretsFile = join(folder, 'secrets.json');
    writeFileSync(secretsFile, JSON.stringify({ [VAULT]: 'cli-secret' }));
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'cli', 'main.ts'), 'mock', 'dataverse', '--port', '0', '--tables', tablesFile, '--secrets', secretsFile], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('exited before listening')));
      });
      const root = `${/^listening on (\S+)$/.exec(line)![1]}/api/data/v9.2/`;
      const post = (path: string, body: unknown) => fetch(`${root}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post('environmentvariabledefinitions', { schemaname: 'admin_secret', type: 100000005, defaultvalue: VAULT })).status).toBe(204);
      const answer = await post('RetrieveEnvironmentVariableSecretValue', { EnvironmentVariableName: 'admin_secret' });
      expect(await answer.json()).toMatchObject({ EnvironmentVariableSecretValue: 'cli-secret' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 30_000);

  it('refuses a secrets file whose value is not a string, naming file and key but not printing secrets', () => {
    const bad = join(folder, 'bad-secrets.json');
    writeFileSync(bad, JSON.stringify({ [VAULT]: 'keep-me-out', '/vaults/x/secrets/y': 42 }));
    const run = runPpkit(['mock', 'dataverse', '--port', '0', '--tables', tablesFile, '--secrets', bad]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad-secrets\.json.*expected the secret of "\/vaults\/x\/secrets\/y" to be a string/);
    expect(run.stderr + run.stdout).not.toContain('keep-me-out');
  });
});

describe('relationships in table definitions', () => {
  it('$metadata lists the collection-valued navigation property with its partner lookup', async () => {
    const csdl = await (await fetch(`${api}$metadata`)).text();
    expect(csdl).toContain('<NavigationProperty Name="contact_customer_accounts" Type="Collection(Microsoft.Dynamics.CRM.contact)" Partner="parentcustomerid_account" />');
    expect(csdl).toContain('<NavigationProperty Name="contact_contact_managerid" Type="Collection(Microsoft.Dynamics.CRM.contact)" Partner="managerid" />');
  });

  it.each<[string, TableDefinition[], RegExp]>([
    ['a relationship name that is not a name', [{ logicalName: 'a', columns: {} }, { logicalName: 'b', columns: { a_id: { type: 'lookup', target: 'a', relationship: 'has space' } } }], /expected relationship: a relationship schema name/],
    [
      'the same relationship name twice on one table',
      [{ logicalName: 'a', columns: {} }, { logicalName: 'b', columns: { one: { type: 'lookup', target: 'a', relationship: 'a_bs' }, two: { type: 'lookup', target: 'a', relationship: 'a_bs' } } }],
      /relationship "a_bs" is defined twice on a/,
    ],
  ])('refuses %s', (_name, tables, message) => {
    expect(() => defineTables(tables)).toThrow(message);
  });
});
