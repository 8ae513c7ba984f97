import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { readJsonFile } from '../core/read-input.js';
import type { ConnectionConfig, LoadedWorkflow } from '../engine/index.js';
import { connectorCalls, isDataverseApi, isOutlookApi } from './flow-scan.js';

/** The local services a simulation runs against. */
export interface LocalServices {
  o365Url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  resource: string;
  legacyUser: string;
  legacyPassword: string;
  dataverseUrl: string;
  mailUrl: string;
}

export interface BoundConnection {
  key: string;
  apiName: string;
  /** What it is bound to, for the summary: `dataverse`, `mail sink`, `O365 mock (swagger from ...)`. */
  target: string;
  config: ConnectionConfig;
}

/**
 * Binds every connection reference the flows use to a local service. Dataverse and Office 365
 * Outlook go to the Dataverse emulator and the mail sink. A custom connector is bound through a
 * swagger: one given with `--connector <name>=<path>`, else the one the solution ships, else one of
 * ppkit's own built connectors whose operation ids cover what the flows call (CoE releases ship
 * their flows without the custom connector).
 */
export function bindConnections(
  workflows: readonly LoadedWorkflow[],
  shipped: ReadonlyMap<string, Record<string, unknown>>,
  given: Readonly<Record<string, string>>,
  ownConnectorsDir: string | undefined,
  services: LocalServices,
): BoundConnection[] {
  const calls = workflows.flatMap(connectorCalls);
  const byKey = new Map<string, { apiName: string; operations: Set<string> }>();
  for (const workflow of workflows) {
    for (const [key, reference] of Object.entries(workflow.connectionReferences)) {
      const apiName = (reference as { api?: { name?: string } }).api?.name ?? key;
      if (!byKey.has(key)) byKey.set(key, { apiName, operations: new Set() });
    }
  }
  for (const call of calls) {
    const entry = byKey.get(call.connectionKey) ?? { apiName: call.apiName, operations: new Set<string>() };
    entry.operations.add(call.operationId);
    byKey.set(call.connectionKey, entry);
  }
  const bound: BoundConnection[] = [];
  for (const [key, { apiName, operations }] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    if (isDataverseApi(apiName)) {
      bound.push({ key, apiName, target: 'Dataverse emulator', config: { baseUrl: services.dataverseUrl } });
      continue;
    }
    if (isOutlookApi(apiName)) {
      bound.push({ key, apiName, target: 'mail sink', config: { baseUrl: services.mailUrl } });
      continue;
    }
    const found = findSwagger(key, apiName, operations, shipped, given, ownConnectorsDir);
    if (!found) {
      if (operations.size === 0) continue; // referenced but never called
      throw new InputError(
        `connection "${key}" (${apiName}) calls ${[...operations].join(', ')}, but no connector definition has them: give one with --connector ${key}=<apiDefinition.swagger.json>`,
      );
    }
    bound.push({ key, apiName, target: `Office 365 mock (${found.from})`, config: { baseUrl: services.o365Url, swagger: found.swagger, auth: authFor(found.swagger, services) } });
  }
  return bound;
}

function findSwagger(
  key: string,
  apiName: string,
  operations: ReadonlySet<string>,
  shipped: ReadonlyMap<string, Record<string, unknown>>,
  given: Readonly<Record<string, string>>,
  ownConnectorsDir: string | undefined,
): { swagger: Record<string, unknown>; from: string } | undefined {
  for (const name of [key, apiName]) {
    const path = given[name];
    if (path) return { swagger: readSwagger(path), from: path };
  }
  const wanted = normaliseConnectorName(apiName);
  for (const [name, swagger] of shipped) {
    const have = normaliseConnectorName(name);
    if (have && (wanted.startsWith(have) || have.startsWith(wanted))) return { swagger, from: `solution connector ${name}` };
  }
  for (const [name, swagger] of shipped) if (covers(swagger, operations)) return { swagger, from: `solution connector ${name}` };
  for (const { path, swagger } of ownConnectors(ownConnectorsDir)) if (covers(swagger, operations)) return { swagger, from: path };
  return undefined;
}

/** `shared_admin-5foffice-20365-20management-20api-5f21..` and `admin_5Foffice-20365-20management-20api` compare equal. */
function normaliseConnectorName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^shared_/, '')
    .replace(/[-_]5f/g, '')
    .replace(/-20/g, '')
    .replace(/[^a-z0-9]/g, '');
}

function covers(swagger: Record<string, unknown>, operations: ReadonlySet<string>): boolean {
  if (operations.size === 0) return false;
  const ids = new Set<string>();
  for (const item of Object.values((swagger.paths ?? {}) as Record<string, Record<string, { operationId?: string }>>)) {
    for (const operation of Object.values(item ?? {})) if (operation && typeof operation === 'object' && operation.operationId) ids.add(operation.operationId);
  }
  return [...operations].every((id) => ids.has(id));
}

/** ppkit's own public-cloud connectors built into dist/connector/<source>/public/. */
function ownConnectors(dir: string | undefined): { path: string; swagger: Record<string, unknown> }[] {
  if (!dir || !existsSync(dir)) return [];
  const found: { path: string; swagger: Record<string, unknown> }[] = [];
  for (const source of readdirSync(dir).sort()) {
    const path = join(dir, source, 'public', 'apiDefinition.swagger.json');
    if (existsSync(path)) found.push({ path, swagger: readSwagger(path) });
  }
  return found;
}

function readSwagger(path: string): Record<string, unknown> {
  const file = existsSync(join(path, 'apiDefinition.swagger.json')) ? join(path, 'apiDefinition.swagger.json') : path;
  const value = readJsonFile(file);
  if (!value || typeof value !== 'object' || !('paths' in value)) throw new InputError('expected a swagger 2.0 connector definition with "paths"', { file });
  return value as Record<string, unknown>;
}

/** The connection's auth, from the connector's security definition: OAuth against the mock's token endpoint, or basic with the mock's audit user. */
function authFor(swagger: Record<string, unknown>, services: LocalServices): ConnectionConfig['auth'] {
  const schemes = Object.values((swagger.securityDefinitions ?? {}) as Record<string, { type?: string }>).map((s) => s.type);
  if (schemes.includes('basic')) return { type: 'basic', username: services.legacyUser, password: services.legacyPassword };
  if (schemes.includes('oauth2')) {
    return { type: 'oauth2', tokenUrl: `${services.o365Url}/${services.tenantId}/oauth2/token`, clientId: services.clientId, clientSecret: services.clientSecret, resource: services.resource };
  }
  return { type: 'none' };
}
