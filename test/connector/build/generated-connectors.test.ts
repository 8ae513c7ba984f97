import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectors, type BuiltConnector } from '../../../tools/connector/build/build-connector.js';
import { connectorBuildStep } from '../../../tools/connector/build/build-step.js';
import { CLIENT_ID_PLACEHOLDER } from '../../../tools/connector/build/generate-api-properties.js';
import { loadConnectorSource } from '../../../tools/connector/build/load-source.js';
import { projectRoot } from '../../../tools/core/paths.js';
import { parse as parseYaml } from 'yaml';

type Json = Record<string, any>;

const outDir = mkdtempSync(join(tmpdir(), 'ppkit-connector-build-'));
let built: BuiltConnector[] = [];
const read = (relative: string): Json => JSON.parse(readFileSync(join(outDir, relative), 'utf8'));
const swaggerOf = (name: string, cloud: string): Json => read(join('connector', name, cloud, 'apiDefinition.swagger.json'));
const propertiesOf = (name: string, cloud: string): Json => read(join('connector', name, cloud, 'apiProperties.json'));

beforeAll(async () => {
  ({ built } = await buildConnectors({ outDir }));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('every connector source, every cloud', () => {
  it('builds both sources for each cloud they declare', () => {
    expect(built.map((b) => `${b.name}/${b.cloud}`)).toEqual([
      'office365-audit-logs/public',
      'office365-audit-logs/gcc',
      'office365-management-api/public',
      'office365-management-api/gcc',
      'office365-management-api/gcch',
      'office365-management-api/dod',
    ]);
    for (const item of built) {
      expect(item.files.map((f) => f.split('/').pop())).toEqual(['apiDefinition.swagger.json', 'apiProperties.json', 'settings.json', 'icon.png']);
    }
  });

  it('writes swaggers that @apidevtools/swagger-parser validates', async () => {
    for (const item of built) {
      const api = swaggerOf(item.name, item.cloud);
      await expect(SwaggerParser.validate(api as never), `${item.name}/${item.cloud}`).resolves.toBeTruthy();
    }
  });

  it('gives every operation and parameter an operationId, summary, description, x-ms-summary and x-ms-visibility', () => {
    for (const item of built) {
      const api = swaggerOf(item.name, item.cloud);
      expect(api['x-ms-connector-metadata'].map((m: Json) => m.propertyName)).toEqual(['Website', 'Privacy policy', 'Categories']);
      for (const [path, pathItem] of Object.entries<Json>(api.paths)) {
        for (const [method, operation] of Object.entries<Json>(pathItem)) {
          if (method.startsWith('x-ms-')) continue;
          const where = `${method} ${path}`;
          expect(operation.operationId, where).toMatch(/^[A-Z][A-Za-z0-9]+$/);
          expect(operation.summary, where).toBeTruthy();
          expect(operation.description, where).toBeTruthy();
          expect(['important', 'advanced', 'internal'], where).toContain(operation['x-ms-visibility']);
          expect(Object.keys(operation.responses).some((c) => /^2/.test(c)), where).toBe(true);
          for (const parameter of operation.parameters) {
            expect(parameter.description, `${where} ${parameter.name}`).toBeTruthy();
            expect(parameter['x-ms-summary'], `${where} ${parameter.name}`).toBeTruthy();
            expect(['important', 'advanced', 'internal'], `${where} ${parameter.name}`).toContain(parameter['x-ms-visibility']);
          }
        }
      }
    }
  });

  it('is deterministic: a second build gives byte-identical files', async () => {
    const again = mkdtempSync(join(tmpdir(), 'ppkit-connector-again-'));
    try {
      const second = await buildConnectors({ outDir: again });
      for (const item of second.built) {
        for (const file of item.files) expect(readFileSync(join(again, file)).equals(readFileSync(join(outDir, file))), file).toBe(true);
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('ends every JSON file with a newline', () => {
    for (const item of built) {
      for (const file of item.files.filter((f) => f.endsWith('.json'))) expect(readFileSync(join(outDir, file), 'utf8').endsWith('}\n'), file).toBe(true);
    }
  });
});

describe('Office 365 Management API connector', () => {
  const operations = (cloud = 'public'): Map<string, Json & { path: string; method: string }> => {
    const map = new Map();
    for (const [path, item] of Object.entries<Json>(swaggerOf('office365-management-api', cloud).paths)) {
      for (const [method, op] of Object.entries<Json>(item)) if (!method.startsWith('x-')) map.set(op.operationId, { ...op, path, method });
    }
    return map;
  };
  const parameterNames = (op: Json) => op.parameters.map((p: Json) => p.name);

  it('keeps the CoE Starter Kit operation ids, paths and parameter names', () => {
    const ops = operations();
    expect([...ops.keys()].sort()).toEqual(['ListContent', 'ListContentDetails', 'ListDlpSensitiveTypes', 'ListNotifications', 'ListSubscriptions', 'StartSubscription', 'StopSubscription']);
    expect(ops.get('StartSubscription')).toMatchObject({ method: 'post', path: '/{tenant}/activity/feed/subscriptions/start', 'x-ms-trigger': 'single' });
    expect(parameterNames(ops.get('StartSubscription')!)).toEqual(['tenant', 'contentType', 'PublisherIdentifier', 'Content-Type', 'body']);
    expect(ops.get('StartSubscription')!.parameters[0]).toMatchObject({ name: 'tenant', in: 'path', required: true, 'x-ms-summary': 'Tenant' });
    expect(ops.get('StopSubscription')).toMatchObject({ method: 'post', path: '/{tenant}/activity/feed/subscriptions/stop' });
    expect(ops.get('ListSubscriptions')).toMatchObject({ method: 'get', path: '/{tenant}/activity/feed/subscriptions/list' });
    expect(ops.get('ListContent')).toMatchObject({ method: 'get', path: '/{tenant}/activity/feed/subscriptions/content' });
    // The CoE child flow passes exactly these to ListContent, including the Content-Type header.
    expect(parameterNames(ops.get('ListContent')!)).toEqual(['tenant', 'contentType', 'startTime', 'endTime', 'PublisherIdentifier', 'nextPage', 'Content-Type']);
    expect(ops.get('ListContentDetails')).toMatchObject({ method: 'get', path: '/{tenant}/activity/feed/audit/{contentId}' });
    expect(parameterNames(ops.get('ListContentDetails')!)).toEqual(['tenant', 'contentId', 'PublisherIdentifier']);
    expect(ops.get('ListNotifications')!.path).toBe('/{tenant}/activity/feed/subscriptions/notifications');
    expect(ops.get('ListDlpSensitiveTypes')!.path).toBe('/{tenant}/activity/feed/resources/dlpSensitiveTypes');
  });

  // Parameters the CoE Starter Kit passes, by operation: its child flow "[Child] Admin | Sync Logs"
  // (ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json) and the setup page's test step.
  it.each([
    ['ListContent', ['tenant', 'contentType', 'PublisherIdentifier', 'startTime', 'endTime', 'Content-Type']],
    ['ListContentDetails', ['tenant', 'contentId']],
    ['StartSubscription', ['tenant', 'PublisherIdentifier']],
  ])('accepts every parameter the CoE kit passes to %s', (operationId, names) => {
    const known = parameterNames(operations().get(operationId)!);
    for (const name of names) expect(known, `${operationId} ${name}`).toContain(name);
  });

  it('exposes the NextPageUri response header and typed response schemas', () => {
    const api = swaggerOf('office365-management-api', 'public');
    const ops = operations();
    expect(ops.get('ListContent')!.responses['200'].headers.NextPageUri).toMatchObject({ type: 'string', 'x-ms-summary': 'Next Page URI' });
    expect(ops.get('ListContent')!.responses['200'].schema).toEqual({ $ref: '#/definitions/ContentBlobList' });
    expect(Object.keys(api.definitions.ContentBlob.properties)).toEqual(['contentType', 'contentId', 'contentUri', 'contentCreated', 'contentExpiration']);
    const record = api.definitions.AuditRecord.properties;
    for (const field of ['Id', 'RecordType', 'CreationTime', 'Operation', 'OrganizationId', 'UserType', 'UserKey', 'Workload', 'ResultStatus', 'ObjectId', 'UserId', 'ClientIP', 'AppName', 'AdditionalInfo', 'PropertyCollection']) {
      expect(record[field]?.['x-ms-summary'], field).toBeTruthy();
    }
    expect(record.RecordType.type).toBe('integer');
    expect(api.definitions.Subscription.properties.webhook).toEqual({ $ref: '#/definitions/Webhook' });
    expect(api.paths['/{tenant}/activity/feed/subscriptions/start']['x-ms-notification-content'].schema).toEqual({ $ref: '#/definitions/WebhookNotification' });
    const webhook = ops.get('StartSubscription')!.parameters[4].schema.properties.webhook.properties.address;
    expect(webhook).toMatchObject({ 'x-ms-notification-url': true, 'x-ms-visibility': 'internal' });
  });

  it.each([
    ['public', 'manage.office.com', 'https://manage.office.com', 'https://login.windows.net', 'https://api.powerapps.com'],
    ['gcc', 'manage-gcc.office.com', 'https://manage-gcc.office.com', 'https://login.windows.net', 'https://gov.api.powerapps.us'],
    ['gcch', 'manage.office365.us', 'https://manage.office365.us', 'https://login.microsoftonline.us', 'https://high.api.powerapps.us'],
    ['dod', 'manage.protection.apps.mil', 'https://manage.protection.apps.mil', 'https://login.microsoftonline.us', 'https://api.apps.appsplatform.us'],
  ])('%s cloud: host %s, resource %s, login %s', (cloud, host, resource, login, powerAppsUrl) => {
    const api = swaggerOf('office365-management-api', cloud);
    expect(api.host).toBe(host);
    expect(api.basePath).toBe('/api/v1.0');
    expect(api.securityDefinitions.oauth2_auth).toMatchObject({ type: 'oauth2', flow: 'accessCode', authorizationUrl: `${login}/common/oauth2/authorize` });
    const oauth = propertiesOf('office365-management-api', cloud).properties.connectionParameters.token.oAuthSettings;
    expect(oauth).toMatchObject({ identityProvider: 'aad', clientId: CLIENT_ID_PLACEHOLDER, redirectMode: 'Global' });
    expect(oauth.customParameters).toEqual({ loginUri: { value: login }, tenantId: { value: 'common' }, resourceUri: { value: resource }, enableOnbehalfOfLogin: { value: 'false' } });
    expect(oauth.properties.AzureActiveDirectoryResourceId).toBe(resource);
    expect(oauth).not.toHaveProperty('clientSecret');
    expect(read(join('connector', 'office365-management-api', cloud, 'settings.json'))).toEqual({
      connectorId: null,
      environment: null,
      apiProperties: 'apiProperties.json',
      apiDefinition: 'apiDefinition.swagger.json',
      icon: 'icon.png',
      powerAppsUrl,
      powerAppsApiVersion: '2016-11-01',
    });
  });

  it('writes apiProperties as paconn reads them, with no secret anywhere', () => {
    const { properties } = propertiesOf('office365-management-api', 'public');
    expect(Object.keys(properties)).toEqual(['connectionParameters', 'iconBrandColor', 'capabilities', 'publisher', 'stackOwner']);
    expect(properties.iconBrandColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(properties.connectionParameters['token:TenantId'].metadata.sourceType).toBe('AzureActiveDirectoryTenant');
    for (const item of built) {
      for (const file of item.files.filter((f) => f.endsWith('.json'))) expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(/"clientSecret"|"password":\s*"/);
    }
  });

  it('takes the client id from --client-id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppkit-connector-client-'));
    try {
      await buildConnectors({ outDir: dir, sources: ['office365-management-api'], clouds: ['public'], clientId: 'my-app-client-id' });
      const props = JSON.parse(readFileSync(join(dir, 'connector/office365-management-api/public/apiProperties.json'), 'utf8'));
      expect(props.properties.connectionParameters.token.oAuthSettings.clientId).toBe('my-app-client-id');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('names shared with the solution (solution/solution.yaml)', () => {
  it('uses the connector name, display name and source the solution packs', () => {
    const solution = parseYaml(readFileSync(join(projectRoot(), 'solution', 'solution.yaml'), 'utf8')) as { connector: { name: string; displayName: string; source: string } };
    const { source } = loadConnectorSource(join(projectRoot(), solution.connector.source));
    expect(source.connector.solutionName).toBe(solution.connector.name);
    expect(source.connector.title).toBe(solution.connector.displayName);
    expect(swaggerOf('office365-management-api', 'public').info.title).toBe(solution.connector.displayName);
  });
});

describe('Office 365 Audit Logs connector (option 2, basic auth)', () => {
  it('is GetActivitiesByOperation on outlook.office365.com with StartDate, EndDate and Operations', () => {
    const api = swaggerOf('office365-audit-logs', 'public');
    expect(api.host).toBe('outlook.office365.com');
    expect(api.securityDefinitions).toEqual({ basic_auth: { type: 'basic' } });
    const op = api.paths['/psws/service.svc/UnifiedAuditLog'].get;
    expect(op.operationId).toBe('GetActivitiesByOperation');
    const byName = Object.fromEntries(op.parameters.map((p: Json) => [p.name, p]));
    expect(byName.StartDate).toMatchObject({ in: 'query', 'x-ms-summary': 'Start Date', required: true });
    expect(byName.EndDate).toMatchObject({ in: 'query', 'x-ms-summary': 'End Date', required: true });
    expect(byName.Operations.description).toMatch(/Comma-separated/);
    const result = api.definitions.AuditLogSearchResult;
    expect(result.properties.value.items).toEqual({ $ref: '#/definitions/AuditLogEntry' });
    expect(api.definitions.AuditLogEntry.properties.AuditData.type).toBe('string');
  });

  it('asks for user name and password as secure strings', () => {
    const { connectionParameters } = propertiesOf('office365-audit-logs', 'public').properties;
    expect(connectionParameters.username.type).toBe('securestring');
    expect(connectionParameters.password).toMatchObject({ type: 'securestring', uiDefinition: { constraints: { clearText: false, required: 'true' } } });
  });
});

describe('icon', () => {
  it('is a 230 x 230 PNG with valid chunk CRCs', () => {
    const png = readFileSync(join(outDir, 'connector/office365-management-api/public/icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(230);
    expect(png.readUInt32BE(20)).toBe(230);
    expect(png.length).toBeLessThan(1024 * 1024);
    // Walk the chunks: each CRC must match Node's own zlib.crc32, and IDAT must inflate to 230 rows.
    const chunks: string[] = [];
    let idat = Buffer.alloc(0);
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      expect(png.readUInt32BE(at + 8 + length), type).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      if (type === 'IDAT') idat = Buffer.concat([idat, png.subarray(at + 8, at + 8 + length)]);
      chunks.push(type);
      at += 12 + length;
    }
    expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(inflateSync(idat)).toHaveLength(230 * (1 + 230 * 3));
  });

  it('draws the brand colour behind a white pictogram', () => {
    const png = readFileSync(join(outDir, 'connector/office365-audit-logs/public/icon.png'));
    const raw = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    const pixel = (x: number, y: number) => [...raw.subarray(y * 691 + 1 + x * 3, y * 691 + 4 + x * 3)];
    expect(pixel(2, 2)).toEqual([0x00, 0x78, 0xd4]);
    expect(pixel(115, 100)).toEqual([255, 255, 255]);
  });
});

describe('ppkit build step', () => {
  it('builds every connector into <outDir>/connector and logs what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppkit-connector-step-'));
    const lines: string[] = [];
    try {
      const result = await connectorBuildStep.run({ outDir: dir, log: (line) => lines.push(line) });
      expect(result).toMatchObject({ step: 'connector', ok: true });
      expect(result.outputs).toHaveLength(24);
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/^connector: wrote .*office365-audit-logs\/public \(public: outlook\.office365\.com, 1 operation\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
