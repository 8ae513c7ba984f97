import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { readJsonFile } from '../../core/read-input.js';
import { ActionFailure } from '../errors.js';
import type { ConnectionReference } from '../definition/types.js';
import { TokenCache, type AuthConfig } from './auth.js';

/** One entry of the connections map (`--connections map.json`): where a connection's calls go. */
export interface ConnectionConfig {
  /** Base URL requests are sent to (a mock, a sandbox, the real service). */
  baseUrl: string;
  /** The connector's swagger: a file, a folder holding apiDefinition.swagger.json, or the object. */
  swagger?: string | Record<string, unknown>;
  auth?: AuthConfig;
  /** Extra headers sent with every request of this connection. */
  headers?: Record<string, string>;
}

/** A connection as an action uses it. */
export interface ResolvedConnection {
  /** The key the config was found under. */
  key: string;
  /** `shared_commondataserviceforapps`, `shared_office365`, `shared_admin_5F...` */
  apiName: string;
  config: ConnectionConfig;
  swagger: Record<string, unknown> | undefined;
}

/**
 * Maps `host.connectionName` through the flow's connection references to a connection config.
 * The map may be keyed by the reference key, the connection reference logical name, or the API
 * name (`shared_office365`), tried in that order.
 */
export class ConnectionResolver {
  readonly tokens = new TokenCache();
  private readonly swaggers = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly map: Record<string, ConnectionConfig>,
    /** Folder relative swagger paths are read from (the map file's folder). */
    private readonly baseDir: string = process.cwd(),
  ) {}

  /** Keys of the map, for `$connections` defaults. */
  keys(): string[] {
    return Object.keys(this.map);
  }

  resolve(connectionName: string, references: Record<string, ConnectionReference>, apiId?: string): ResolvedConnection {
    const reference = references[connectionName];
    const apiName = apiNameOf(reference?.api?.name ?? apiId ?? connectionName);
    const candidates = [connectionName, reference?.connection?.connectionReferenceLogicalName, reference?.connectionName, reference?.api?.name, apiName].filter((c): c is string => typeof c === 'string' && c !== '');
    const key = candidates.find((c) => Object.prototype.hasOwnProperty.call(this.map, c));
    if (!key) {
      throw new ActionFailure('ConnectionNotFound', `No connection is bound for '${connectionName}'${reference ? '' : ' (the flow has no connection reference of that name)'}; add one of ${candidates.map((c) => `"${c}"`).join(', ')} to the connections map.`);
    }
    const config = this.map[key] as ConnectionConfig;
    return { key, apiName, config, swagger: config.swagger === undefined ? undefined : this.swagger(key, config.swagger) };
  }

  private swagger(key: string, source: string | Record<string, unknown>): Record<string, unknown> {
    if (typeof source === 'object') return source;
    const cached = this.swaggers.get(source);
    if (cached) return cached;
    let file = isAbsolute(source) ? source : resolve(this.baseDir, source);
    if (existsSync(file) && statSync(file).isDirectory()) file = findSwagger(file) ?? file;
    const value = readJsonFile(file);
    if (!value || typeof value !== 'object' || !('paths' in value)) throw new InputError(`connection "${key}": not a swagger 2.0 document (no "paths")`, { file });
    this.swaggers.set(source, value as Record<string, unknown>);
    return value as Record<string, unknown>;
  }
}

/** `/providers/Microsoft.PowerApps/apis/shared_x` -> `shared_x`. */
export function apiNameOf(apiId: string): string {
  return apiId.split('/').filter(Boolean).pop() ?? apiId;
}

function findSwagger(folder: string, depth = 0): string | undefined {
  const direct = join(folder, 'apiDefinition.swagger.json');
  if (existsSync(direct)) return direct;
  if (depth > 3) return undefined;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      const found = findSwagger(join(folder, entry.name), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads and checks a connections map file. */
export function readConnectionsFile(file: string): Record<string, ConnectionConfig> {
  const value = readJsonFile(file);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError('expected a JSON object of connections by name', { file });
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const config = entry as Partial<ConnectionConfig> | null;
    if (!config || typeof config !== 'object' || typeof config.baseUrl !== 'string' || !/^https?:\/\//.test(config.baseUrl)) {
      throw new InputError(`connection "${key}" needs "baseUrl": an http(s) URL`, { file, pointer: `/${key}/baseUrl` });
    }
    const auth = config.auth as { type?: unknown } | undefined;
    if (auth !== undefined && !['none', 'basic', 'bearer', 'apiKey', 'oauth2'].includes(String(auth?.type))) {
      throw new InputError(`connection "${key}": auth.type must be none, basic, bearer, apiKey or oauth2`, { file, pointer: `/${key}/auth/type` });
    }
  }
  return value as Record<string, ConnectionConfig>;
}
