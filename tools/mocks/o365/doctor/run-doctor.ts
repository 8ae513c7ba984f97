import { decodeJwtPayload } from '../auth/jwt.js';
import { clientCredentialsToken } from '../client-credentials.js';
import { diagnoseApiError, diagnoseTokenError, isHealthy, type ApiAnswer } from './diagnose.js';
import { TROUBLESHOOTING, type TroubleshootingId } from './troubleshooting.js';

export interface DoctorInput {
  /** API root, e.g. https://manage.office.com or a mock's URL. */
  baseUrl: string;
  /** Token authority, e.g. https://login.microsoftonline.com (a mock serves both). */
  loginUrl: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  /** The Resource URL as configured on the connector. */
  resource: string;
  /** The API's audience; a token for anything else is a Resource URL typo. */
  expectedAudience: string;
  contentType: string;
}

export interface DoctorCheck {
  id: 'token' | 'start-subscription' | 'list-content';
  ok: boolean;
  /** What happened, one line (never a token or secret). */
  detail: string;
  /** Setup-page troubleshooting items this failure points to. */
  causes: { id: TroubleshootingId; advice: string }[];
}

const causes = (ids: TroubleshootingId[]) => ids.map((id) => ({ id, advice: TROUBLESHOOTING[id] }));

async function callApi(url: string, method: string, token: string): Promise<ApiAnswer & { count?: number }> {
  try {
    const response = await fetch(url, { method, headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    return { status: response.status, code: error?.code, message: error?.message, count: Array.isArray(body) ? body.length : undefined };
  } catch (error) {
    return { status: 0, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The setup page's checks in order: token, StartSubscription, ListContent; stops at the first failure. */
export async function runDoctor(input: DoctorInput): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const token = await clientCredentialsToken(input.loginUrl, input.tenant, input.clientId, input.clientSecret, input.resource);
  if (!token.ok) {
    checks.push({ id: 'token', ok: false, detail: token.status ? `token request answered ${token.status} ${token.error}${token.code ? ` (AADSTS${token.code})` : ''}: ${token.description}` : `token request got no answer: ${token.description}`, causes: causes(diagnoseTokenError(token.code, token.status)) });
    return checks;
  }
  const audience = String(decodeJwtPayload(token.accessToken)?.aud ?? '');
  const audienceMatches = audience === input.expectedAudience;
  checks.push({ id: 'token', ok: true, detail: `client-credentials token for ${JSON.stringify(audience)}`, causes: [] });
  const root = `${input.baseUrl.replace(/\/+$/, '')}/api/v1.0/${encodeURIComponent(input.tenant)}/activity/feed/subscriptions`;
  const publisher = `PublisherIdentifier=${encodeURIComponent(input.clientId)}`;
  const steps: { id: DoctorCheck['id']; method: string; url: string }[] = [
    { id: 'start-subscription', method: 'POST', url: `${root}/start?contentType=${encodeURIComponent(input.contentType)}&${publisher}` },
    { id: 'list-content', method: 'GET', url: `${root}/content?contentType=${encodeURIComponent(input.contentType)}&${publisher}` },
  ];
  for (const step of steps) {
    const answer = await callApi(step.url, step.method, token.accessToken);
    const ok = isHealthy(step.id, answer);
    const what = answer.status === 0 ? `no answer: ${answer.message}` : `(${answer.status})${answer.code ? ` ${answer.code}` : ''}${answer.message ? `: ${answer.message}` : ''}`;
    const detail = ok ? (answer.count !== undefined ? `(${answer.status}) ${answer.count} content blobs listed` : `(${answer.status})${answer.code ? ` ${answer.code}: already enabled` : ''}`) : what;
    checks.push({ id: step.id, ok, detail, causes: ok ? [] : causes(diagnoseApiError(answer, audienceMatches)) });
    if (!ok) break;
  }
  return checks;
}
