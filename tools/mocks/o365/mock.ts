import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { readJsonFile } from '../../core/read-input.js';
import { InputError } from '../../core/errors.js';
import { parseForm, parseRequestUrl, readBody, sendJson, sendText, startHttpServer } from '../http/index.js';
import { SyntheticTenant, isGuid, type ContentBlob, type TenantOptions } from '../tenant/index.js';
import { aadErrorBody } from './auth/aad-error.js';
import { checkBearer } from './auth/bearer.js';
import { handleAuthorize, handleTokenRequest } from './auth/token-endpoint.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_LEGACY_PASSWORD,
  DEFAULT_LEGACY_USER,
  DEFAULT_RESOURCE,
  DEFAULT_TENANT_ID,
  type FaultOptions,
  type O365MockOptions,
} from './config.js';
import type { MockContext } from './context.js';
import { ApiFailure, errorBody, type ApiError } from './errors.js';
import { FaultInjector } from './faults.js';
import { deliverNotifications } from './notifications.js';
import { API_ROUTES } from './routes/index.js';
import { unifiedAuditLog } from './routes/legacy-audit-log.js';
import type { ApiRoute } from './routes/route.js';
import { SubscriptionStore, type Subscription } from './subscriptions.js';

export interface O365Mock {
  url: string;
  port: number;
  tenantId: string;
  tenant: SyntheticTenant;
  /** Live fault knobs: change a field and the next request sees it. */
  faults: FaultOptions;
  subscriptions: SubscriptionStore;
  /** Whether fetching this blob at `atMs` answers AF20051 (expired), by the same rule the API applies. */
  contentExpired(blob: ContentBlob, atMs: number): boolean;
  /** Sends due webhook notifications now (the mock also does so every second); simulations with a fake clock call this. */
  flushNotifications(): Promise<void>;
  /** Writes the tenant and subscriptions to `stateFile` (or the given path). */
  saveState(path?: string): void;
  stop(): Promise<void>;
}

interface MockStateFile {
  kind: 'ppkit-o365-mock-state';
  version: 1;
  tenant: unknown;
  subscriptions: Subscription[];
}

const API_PREFIX = /^\/api\/v1\.0\/([^/]+)\/activity\/feed\/(.+)$/;
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/(?:(v2\.0)\/)?(token|authorize)$/;
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** Percent-decoding that keeps malformed input as it is (the route then refuses it as invalid). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The headers manage.office.com sends on every answer (the Date follows the mock's clock). */
function serviceHeaders(context: MockContext): Record<string, string> {
  return {
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    Expires: '-1',
    Server: 'Microsoft-IIS/10.0',
    'X-AspNet-Version': '4.0.30319',
    'X-Powered-By': 'ASP.NET',
    Date: httpDate(context.now().getTime()),
  };
}

let dateCache = { second: NaN, text: '' };

/** The Date header value, formatted once per second of the mock's clock (not once per request). */
function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== dateCache.second) dateCache = { second, text: new Date(second * 1000).toUTCString() };
  return dateCache.text;
}

function matchRoute(rest: string): { route: ApiRoute; params: Record<string, string> }[] {
  const found: { route: ApiRoute; params: Record<string, string> }[] = [];
  for (const route of API_ROUTES) {
    if (route.path === rest) found.push({ route, params: {} });
    else if (route.path.endsWith('{contentId}')) {
      const prefix = route.path.slice(0, -'{contentId}'.length);
      if (rest.startsWith(prefix) && rest.length > prefix.length && !rest.slice(prefix.length).includes('/')) {
        found.push({ route, params: { contentId: safeDecode(rest.slice(prefix.length)) } });
      }
    }
  }
  return found;
}

/** The service's answer while unified audit logging is off or still activating (seen in CoE issues). */
function auditLogOffError(context: MockContext, operation: string, contentType: string | undefined, publisherId: string, appId: string): ApiError {
  return {
    status: 400,
    code: `${operation} [CorrId=${randomUUID()}][TenantId=${context.tenantId},ContentType=${contentType ?? ''},ApplicationId=${appId},PublisherId=${publisherId}] failed. Exception`,
    message: `Microsoft.Office.Compliance.Audit.DataServiceException: Tenant ${context.tenantId} does not exist.`,
  };
}

async function handleApi(context: MockContext, request: IncomingMessage, response: ServerResponse, tenantSegment: string, rest: string, query: Map<string, string>): Promise<number> {
  const headers = serviceHeaders(context);
  const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
    sendJson(response, status, body, { ...headers, ...extra });
    return status;
  };
  const candidates = matchRoute(rest);
  if (candidates.length === 0) return send(404, { error: { code: 'NotFound', message: `No HTTP resource was found that matches the request URI '${request.url?.split('?')[0]}'.` } });
  const matched = candidates.find((c) => c.route.method === request.method);
  if (!matched) return send(405, { error: { code: 'MethodNotAllowed', message: `The requested resource does not support http method '${request.method}'.` } }, { Allow: candidates.map((c) => c.route.method).join(', ') });
  const { route, params } = matched;
  const tenantId = tenantSegment.toLowerCase();
  const contentType = route.contentTypeOf?.({ query, params });
  const bearer = checkBearer(context, request.headers.authorization, tenantId, contentType === 'DLP.All');
  if (!bearer.ok) {
    if (!isGuid(tenantId) && bearer.failure.error.code === 'AF20010') return send(400, errorBody({ status: 400, code: 'AF20013', message: `The tenant ID passed in the URL (${tenantSegment}) is not a valid GUID.` }));
    return send(bearer.failure.error.status, errorBody(bearer.failure.error), bearer.failure.challenge ? { 'WWW-Authenticate': bearer.failure.challenge } : {});
  }
  const publisherText = query.get('publisheridentifier');
  if (publisherText !== undefined && publisherText !== '' && !isGuid(publisherText)) return send(400, errorBody({ status: 400, code: 'AF20002', message: 'Invalid parameter type: PublisherIdentifier. Expected type: guid.' }));
  const publisherId = publisherText || ZERO_GUID;
  const nowMs = context.now().getTime();
  if (context.injector.auditLogUnavailable(nowMs)) return send(400, errorBody(auditLogOffError(context, route.operation, contentType, publisherId, bearer.claims.appid)));
  const injected = context.injector.requestFault(route.operation, publisherId, nowMs);
  if (injected) return send(injected.status, errorBody(injected));
  const body = request.method === 'POST' ? await readBody(request, 64 * 1024) : '';
  try {
    const answer = await route.handle({ context, method: request.method ?? 'GET', tenantId, query, headers: request.headers, body, params, publisherId, claims: bearer.claims });
    if (answer.rawBody !== undefined) {
      sendText(response, answer.status, answer.rawBody, { 'Content-Type': 'application/json; charset=utf-8', ...headers, ...answer.headers });
      return answer.status;
    }
    if (answer.body === undefined) {
      sendText(response, answer.status, '', { ...headers, ...answer.headers });
      return answer.status;
    }
    return send(answer.status, answer.body, answer.headers);
  } catch (error) {
    if (error instanceof ApiFailure) return send(error.apiError.status, errorBody(error.apiError), error.headers);
    throw error;
  }
}

async function handleToken(context: MockContext, request: IncomingMessage, response: ServerResponse, tenantSegment: string, v2: boolean, kind: string, query: Map<string, string>): Promise<number> {
  const version = v2 ? '2.0' : '1.0';
  const headers = { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache', Date: context.now().toUTCString() };
  if (kind === 'authorize') {
    if (request.method !== 'GET') return sendStatus(response, 405);
    const result = handleAuthorize(context, tenantSegment, version, query);
    if (!result.ok) {
      sendJson(response, result.error.status, aadErrorBody(result.error, context.now()), headers);
      return result.error.status;
    }
    response.writeHead(302, { Location: result.location, 'Content-Length': 0, ...headers });
    response.end();
    return 302;
  }
  if (request.method !== 'POST') return sendStatus(response, 405);
  const form = parseForm(await readBody(request, 64 * 1024));
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  let basicAuth: { user: string; password: string } | undefined;
  if (basic) {
    const text = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const at = text.indexOf(':');
    if (at > 0) basicAuth = { user: safeDecode(text.slice(0, at)), password: safeDecode(text.slice(at + 1)) };
  }
  const result = handleTokenRequest(context, tenantSegment, version, form, basicAuth);
  if (!result.ok) {
    sendJson(response, result.error.status, aadErrorBody(result.error, context.now()), headers);
    return result.error.status;
  }
  sendJson(response, 200, result.body, headers);
  return 200;
}

function sendStatus(response: ServerResponse, status: number): number {
  sendJson(response, status, { error: { code: String(status), message: status === 405 ? 'Method not allowed.' : 'Not found.' } });
  return status;
}

function buildTenant(options: O365MockOptions, tenantId: string, nowMs: number): SyntheticTenant {
  if (options.tenant instanceof SyntheticTenant) return options.tenant;
  const given: TenantOptions = options.tenant ?? {};
  return new SyntheticTenant(
    {
      ...given,
      seed: given.seed ?? options.seed,
      tenantId,
      duplicateRate: options.faults?.duplicateRate ?? given.duplicateRate,
      lateArrivalRate: options.faults?.lateContentRate ?? given.lateArrivalRate,
    },
    nowMs,
  );
}

/**
 * Starts the Office 365 Management Activity API mock on 127.0.0.1: the API, the Entra ID token
 * and authorize paths, and the legacy UnifiedAuditLog endpoint, all over one synthetic tenant.
 */
export async function startO365Mock(options: O365MockOptions = {}): Promise<O365Mock> {
  const now = options.now ?? (() => new Date());
  let tenant: SyntheticTenant;
  let savedSubscriptions: Subscription[] = [];
  if (options.stateFile && existsSync(options.stateFile)) {
    const state = readJsonFile(options.stateFile) as Partial<MockStateFile>;
    if (state?.kind !== 'ppkit-o365-mock-state' || state.version !== 1) throw new InputError('expected a ppkit O365 mock state ("kind": "ppkit-o365-mock-state", "version": 1)', { file: options.stateFile, pointer: '/kind' });
    tenant = SyntheticTenant.fromState(state.tenant, options.stateFile);
    savedSubscriptions = Array.isArray(state.subscriptions) ? state.subscriptions : [];
  } else {
    const tenantId = (options.tenantId ?? (options.tenant instanceof SyntheticTenant ? options.tenant.tenantId : (options.tenant?.tenantId ?? DEFAULT_TENANT_ID))).toLowerCase();
    if (!isGuid(tenantId)) throw new InputError(`tenant id must be a GUID, got "${tenantId}"`);
    tenant = buildTenant(options, tenantId, now().getTime());
  }
  const faults: FaultOptions = { ...options.faults };
  const subscriptions = new SubscriptionStore();
  subscriptions.load(savedSubscriptions);
  const context: MockContext = {
    tenantId: tenant.tenantId,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    resource: options.resource ?? DEFAULT_RESOURCE,
    appPermissions: options.appPermissions ?? ['ActivityFeed.Read', 'ActivityFeed.ReadDlp', 'ServiceHealth.Read'],
    delegatedPermissions: options.delegatedPermissions ?? ['ActivityFeed.Read', 'ActivityFeed.ReadDlp'],
    redirectUris: options.redirectUris,
    signedInUser: options.signedInUser ?? `admin@${tenant.options.domain}`,
    legacyUsers: options.legacyUsers ?? [{ userName: DEFAULT_LEGACY_USER, password: DEFAULT_LEGACY_PASSWORD, auditAccess: true }],
    pageSize: Math.max(1, options.pageSize ?? 100),
    startCooldownMs: (options.startCooldownMinutes ?? 15) * 60_000,
    backfillMs: (options.backfillHours ?? 24) * 3_600_000,
    allowHttpWebhooks: options.allowHttpWebhooks ?? false,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    tenant,
    faults,
    injector: new FaultInjector(faults, tenant.options.seed),
    subscriptions,
    signingKey: randomBytes(32),
    codes: new Map(),
    refreshTokens: new Map(),
    pagingKey: randomBytes(32),
    now,
    baseUrl: '',
  };
  const log = options.log;
  const server = await startHttpServer(async (request, response) => {
    const { path, query } = parseRequestUrl(request.url);
    const latency = context.injector.latency();
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    let status: number;
    const api = API_PREFIX.exec(path);
    const token = api ? null : TOKEN_PATH.exec(path);
    if (api) status = await handleApi(context, request, response, safeDecode(api[1]!), api[2]!, query);
    else if (token) status = await handleToken(context, request, response, safeDecode(token[1]!), token[2] !== undefined, token[3]!, query);
    else if (path === '/psws/service.svc/UnifiedAuditLog' && request.method === 'GET') {
      const answer = unifiedAuditLog(context, query, request.headers.authorization);
      sendJson(response, answer.status, answer.body, { 'OData-Version': '4.0', ...answer.headers });
      status = answer.status;
    } else status = sendStatus(response, 404);
    if (request.method === 'POST' && status === 200 && api && options.stateFile) saveState();
    // The log names the route only: no query (it may carry codes) and never headers.
    log?.(`${request.method} ${path} ${status}`);
  }, { port: options.port ?? 0, onError: (error) => log?.(`internal error: ${error instanceof Error ? error.message : String(error)}`) });
  context.baseUrl = server.url;

  let delivering = false;
  const timer = setInterval(() => {
    if (delivering) return;
    delivering = true;
    deliverNotifications(context).finally(() => (delivering = false));
  }, 1000);
  timer.unref();

  function saveState(path = options.stateFile): void {
    if (!path) return;
    const state: MockStateFile = { kind: 'ppkit-o365-mock-state', version: 1, tenant: tenant.toState(), subscriptions: subscriptions.list() };
    writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
  }

  return {
    url: server.url,
    port: server.port,
    tenantId: tenant.tenantId,
    tenant,
    faults,
    subscriptions,
    saveState,
    contentExpired: (blob, atMs) => context.injector.contentExpired(blob, atMs),
    flushNotifications: () => deliverNotifications(context),
    async stop() {
      clearInterval(timer);
      await server.stop();
      if (options.stateFile) saveState();
    },
  };
}
