import { ActionFailure } from '../errors.js';
import type { RunServices } from '../context/services.js';

/**
 * How a connection authenticates. Secret values may be given as `env:NAME` so the connections map
 * file holds no secret; they never reach run history (Authorization headers are masked there).
 */
export type AuthConfig =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'apiKey'; header: string; value: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string; resource?: string };

/** Resolves `env:NAME` references. */
export function secretValue(value: string | undefined): string {
  if (value === undefined) return '';
  if (value.startsWith('env:')) {
    const name = value.slice(4);
    const found = process.env[name];
    if (found === undefined) throw new ActionFailure('Unauthorized', `the connection's secret refers to environment variable ${name}, which is not set`);
    return found;
  }
  return value;
}

/** Client-credentials tokens, cached until shortly before they expire. */
export class TokenCache {
  private readonly tokens = new Map<string, { token: string; expires: number }>();

  async token(services: RunServices, auth: Extract<AuthConfig, { type: 'oauth2' }>): Promise<string> {
    const key = `${auth.tokenUrl}|${auth.clientId}|${auth.scope ?? ''}|${auth.resource ?? ''}`;
    const cached = this.tokens.get(key);
    if (cached && cached.expires > Date.now()) return cached.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: secretValue(auth.clientSecret) });
    if (auth.scope) form.set('scope', auth.scope);
    if (auth.resource) form.set('resource', auth.resource);
    let response: Response;
    try {
      response = await services.fetch(auth.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal: AbortSignal.timeout(services.requestTimeoutMs) });
    } catch (error) {
      throw new ActionFailure('Unauthorized', `the token endpoint ${auth.tokenUrl} did not answer: ${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number | string; error_description?: string; error?: string };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new ActionFailure('Unauthorized', `the token endpoint ${auth.tokenUrl} refused the client credentials (HTTP ${response.status}${body.error ? `: ${body.error}` : ''})`);
    }
    const seconds = Number(body.expires_in ?? 3600);
    this.tokens.set(key, { token: body.access_token, expires: Date.now() + Math.max(0, seconds - 60) * 1000 });
    return body.access_token;
  }
}

/** Headers that carry a connection's credentials. */
export async function authHeaders(services: RunServices, cache: TokenCache, auth: AuthConfig | undefined): Promise<Record<string, string>> {
  switch (auth?.type) {
    case undefined:
    case 'none':
      return {};
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(`${auth.username}:${secretValue(auth.password)}`).toString('base64')}` };
    case 'bearer':
      return { Authorization: `Bearer ${secretValue(auth.token)}` };
    case 'apiKey':
      return { [auth.header]: secretValue(auth.value) };
    case 'oauth2':
      return { Authorization: `Bearer ${await cache.token(services, auth)}` };
    default:
      throw new ActionFailure('Unauthorized', `unknown connection auth type "${(auth as { type: string }).type}"`);
  }
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|x-ms-apim-tokens|api-key|x-api-key|ocp-apim-subscription-key|cookie)$/i;

/** A copy of headers safe for run history. */
export function maskHeaders(headers: Record<string, string>, extra: readonly string[] = []): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) masked[name] = SECRET_HEADERS.test(name) || extra.includes(name) ? '*sanitized*' : value;
  return masked;
}
