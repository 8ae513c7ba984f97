import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MockContext, AuthGrant } from '../context.js';
import { signJwt, type AccessTokenClaims } from './jwt.js';
import { AAD, type AadError } from './aad-error.js';

export type TokenVersion = '1.0' | '2.0';

export type TokenResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: AadError };

/** Tenant segments the token paths accept: the tenant's GUID or domain, or the multi-tenant aliases. */
export function knownTenantSegment(context: MockContext, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === context.tenantId || s === context.tenant.options.domain.toLowerCase() || s === 'common' || s === 'organizations';
}

function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The resource a request names, as Entra ID resolves it: the exact API resource, or (with extra
 * characters at the end: a trailing slash or space) a token whose audience is what was typed —
 * which the API then refuses, as the real one does. Anything else is not a known resource.
 */
export function resolveResource(context: MockContext, requested: string): string | undefined {
  if (requested === context.resource) return requested;
  if (requested.trim().replace(/\/+$/, '') === context.resource) return requested;
  return undefined;
}

/** Resource part of v2 scopes (`https://manage.office.com/.default`, `https://manage.office.com/ActivityFeed.Read offline_access`). */
function resourceFromScopes(scope: string): string | undefined {
  for (const item of scope.split(' ').filter(Boolean)) {
    if (['openid', 'profile', 'offline_access', 'email'].includes(item)) continue;
    const at = item.lastIndexOf('/');
    if (at > 0) return item.slice(0, at);
  }
  return undefined;
}

function issue(context: MockContext, grant: { clientId: string; resource: string; version: TokenVersion; delegated: boolean; scopeText?: string }, withRefresh: boolean): Record<string, unknown> {
  const nowS = Math.floor(context.now().getTime() / 1000);
  const lifetime = context.tokenLifetimeSeconds;
  const claims: AccessTokenClaims = {
    aud: grant.resource,
    iss: `https://sts.windows.net/${context.tenantId}/`,
    iat: nowS,
    nbf: nowS,
    exp: nowS + lifetime,
    tid: context.tenantId,
    appid: grant.clientId,
    ver: grant.version,
    ...(grant.delegated
      ? { scp: context.delegatedPermissions.join(' '), upn: context.signedInUser, oid: 'f0000000-0000-4000-8000-000000000001' }
      : context.appPermissions.length > 0
        ? { roles: [...context.appPermissions] }
        : {}),
  };
  const accessToken = signJwt(claims, context.signingKey);
  const body: Record<string, unknown> =
    grant.version === '1.0'
      ? { token_type: 'Bearer', expires_in: String(lifetime), ext_expires_in: String(lifetime), expires_on: String(nowS + lifetime), not_before: String(nowS), resource: grant.resource, access_token: accessToken }
      : { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
  if (grant.delegated) body.scope = grant.version === '1.0' ? context.delegatedPermissions.join(' ') : grant.scopeText ?? `${grant.resource}/.default`;
  if (withRefresh) {
    const refresh = randomBytes(24).toString('base64url');
    context.refreshTokens.set(refresh, { clientId: grant.clientId, resource: grant.resource, version: grant.version, scopeText: grant.scopeText, expiresMs: context.now().getTime() + 90 * 86_400_000 });
    body.refresh_token = refresh;
  }
  return body;
}

/** Handles a POST to `/{tenant}/oauth2/token` (v1) or `/{tenant}/oauth2/v2.0/token` (v2). */
export function handleTokenRequest(context: MockContext, tenantSegment: string, version: TokenVersion, form: Record<string, string>, basicAuth?: { user: string; password: string }): TokenResult {
  if (!knownTenantSegment(context, tenantSegment)) return { ok: false, error: AAD.tenantNotFound(tenantSegment) };
  const grantType = form.grant_type;
  if (!grantType) return { ok: false, error: AAD.missingParameter('grant_type') };
  if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grantType)) return { ok: false, error: AAD.unsupportedGrant(grantType) };
  const clientId = form.client_id ?? basicAuth?.user;
  if (!clientId) return { ok: false, error: AAD.missingParameter('client_id') };
  if (clientId.toLowerCase() !== context.clientId.toLowerCase()) return { ok: false, error: AAD.appNotFound(clientId, tenantSegment) };
  const secret = form.client_secret ?? basicAuth?.password;
  if (secret === undefined || secret === '') return { ok: false, error: AAD.missingSecret() };
  if (!secretMatches(secret, context.clientSecret)) return { ok: false, error: AAD.badSecret(clientId) };

  if (grantType === 'client_credentials') {
    let requested: string | undefined;
    if (version === '1.0') {
      requested = form.resource;
      if (!requested) return { ok: false, error: AAD.missingParameter('resource') };
    } else {
      const scope = form.scope;
      if (!scope) return { ok: false, error: AAD.missingParameter('scope') };
      if (!scope.trim().endsWith('/.default')) return { ok: false, error: AAD.badDefaultScope(scope) };
      requested = scope.trim().slice(0, -'/.default'.length);
    }
    const resource = resolveResource(context, requested);
    if (resource === undefined) return { ok: false, error: AAD.resourceNotFound(requested, tenantSegment) };
    return { ok: true, body: issue(context, { clientId, resource, version, delegated: false }, false) };
  }

  if (grantType === 'authorization_code') {
    const code = form.code;
    if (!code) return { ok: false, error: AAD.missingParameter('code') };
    const grant = context.codes.get(code);
    if (!grant) return { ok: false, error: AAD.badCode() };
    if (grant.expiresMs < 0) return { ok: false, error: AAD.codeRedeemed() };
    if (grant.expiresMs < context.now().getTime() || grant.clientId.toLowerCase() !== clientId.toLowerCase()) return { ok: false, error: AAD.badCode() };
    if (grant.redirectUri !== undefined && form.redirect_uri !== grant.redirectUri) return { ok: false, error: AAD.redirectMismatch(form.redirect_uri ?? '', clientId) };
    grant.expiresMs = -1; // single use
    return { ok: true, body: issue(context, { clientId, resource: grant.resource, version, delegated: true, scopeText: grant.scopeText }, true) };
  }

  const refresh = form.refresh_token;
  if (!refresh) return { ok: false, error: AAD.missingParameter('refresh_token') };
  const grant = context.refreshTokens.get(refresh);
  if (!grant || grant.expiresMs < context.now().getTime() || grant.clientId.toLowerCase() !== clientId.toLowerCase()) return { ok: false, error: AAD.badRefreshToken() };
  context.refreshTokens.delete(refresh);
  return { ok: true, body: issue(context, { clientId, resource: grant.resource, version, delegated: true, scopeText: grant.scopeText }, true) };
}

/**
 * `GET /{tenant}/oauth2/authorize` (v1, `resource=`) or `/oauth2/v2.0/authorize` (`scope=`): the
 * user is signed in and consents at once; answers with the redirect carrying `code` and `state`.
 */
export function handleAuthorize(context: MockContext, tenantSegment: string, version: TokenVersion, query: Map<string, string>): { ok: true; location: string } | { ok: false; error: AadError } {
  if (!knownTenantSegment(context, tenantSegment)) return { ok: false, error: AAD.tenantNotFound(tenantSegment) };
  const clientId = query.get('client_id');
  if (!clientId) return { ok: false, error: AAD.missingParameter('client_id') };
  if (clientId.toLowerCase() !== context.clientId.toLowerCase()) return { ok: false, error: AAD.appNotFound(clientId, tenantSegment) };
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri) return { ok: false, error: AAD.missingParameter('redirect_uri') };
  if (context.redirectUris && !context.redirectUris.includes(redirectUri)) return { ok: false, error: AAD.redirectMismatch(redirectUri, clientId) };
  if ((query.get('response_type') ?? '') !== 'code') return { ok: false, error: AAD.missingParameter('response_type=code') };
  const scopeText = query.get('scope');
  const requested = version === '1.0' ? query.get('resource') : scopeText ? resourceFromScopes(scopeText) : undefined;
  if (!requested) return { ok: false, error: AAD.missingParameter(version === '1.0' ? 'resource' : 'scope') };
  const resource = resolveResource(context, requested);
  if (resource === undefined) return { ok: false, error: AAD.resourceNotFound(requested, tenantSegment) };
  const code = randomBytes(32).toString('base64url');
  const grant: AuthGrant = { clientId, resource, redirectUri, scopeText, version, expiresMs: context.now().getTime() + 10 * 60_000 };
  context.codes.set(code, grant);
  const location = new URL(redirectUri);
  location.searchParams.set('code', code);
  const state = query.get('state');
  if (state !== undefined) location.searchParams.set('state', state);
  if (version === '1.0') location.searchParams.set('session_state', '00000000-0000-4000-8000-000000000000');
  return { ok: true, location: location.toString() };
}
