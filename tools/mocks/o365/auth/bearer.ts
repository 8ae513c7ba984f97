import type { MockContext } from '../context.js';
import { apiError, type ApiError } from '../errors.js';
import { verifyJwt, type AccessTokenClaims } from './jwt.js';

export interface BearerFailure {
  error: ApiError;
  /** WWW-Authenticate value for 401s. */
  challenge?: string;
}

const verifiedTokens = new Map<string, AccessTokenClaims>();

const challenge = (description: string) => `Bearer authorization_uri="https://login.windows.net/common/oauth2/authorize", error="invalid_token", error_description="${description}"`;

/**
 * Checks the bearer token the way manage.office.com does: signature, lifetime, audience (exactly
 * the resource URL), tenant (`tid` = the tenant in the URL, else AF20010), and the permission
 * claim (`roles` or `scp` holding ActivityFeed.Read, plus ActivityFeed.ReadDlp for DLP.All).
 */
export function checkBearer(context: MockContext, authorization: string | undefined, urlTenant: string, needsDlp: boolean): { ok: true; claims: AccessTokenClaims } | { ok: false; failure: BearerFailure } {
  const denied = (description: string): { ok: false; failure: BearerFailure } => ({ ok: false, failure: { error: apiError('AF10001', ''), challenge: challenge(description) } });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return denied('The access token is missing or is not a Bearer token');
  // Verified tokens are remembered (bounded): clients reuse one token for an hour of calls.
  const raw = match[1]!;
  let claims = verifiedTokens.get(raw);
  if (!claims) {
    claims = verifyJwt(raw, context.signingKey);
    if (claims) {
      if (verifiedTokens.size >= 1000) verifiedTokens.clear();
      verifiedTokens.set(raw, claims);
    }
  }
  if (!claims) return denied('The access token signature is invalid');
  const nowS = context.now().getTime() / 1000;
  if (claims.exp <= nowS) return denied('The token is expired');
  if (claims.nbf > nowS + 300) return denied('The token is not yet valid');
  if (claims.aud !== context.resource) return denied('The audience of the token is invalid');
  if (claims.tid !== urlTenant) return { ok: false, failure: { error: apiError('AF20010', urlTenant, claims.tid) } };
  const permissions = claims.roles ?? (claims.scp ? claims.scp.split(' ') : []);
  if (!permissions.includes('ActivityFeed.Read') || (needsDlp && !permissions.includes('ActivityFeed.ReadDlp'))) {
    return { ok: false, failure: { error: apiError('AF10001', permissions.join(',')) } };
  }
  return { ok: true, claims };
}
