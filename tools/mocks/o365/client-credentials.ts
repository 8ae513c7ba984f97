/** Gets an app-only token with the client-credentials grant (v1 endpoint, `resource=`), as a connector does. */
export type TokenOutcome =
  | { ok: true; accessToken: string }
  | { ok: false; status: number; error: string; code?: number; description: string };

export async function clientCredentialsToken(loginUrl: string, tenant: string, clientId: string, clientSecret: string, resource: string): Promise<TokenOutcome> {
  let response: Response;
  try {
    response = await fetch(`${loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, resource }).toString(),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    return { ok: false, status: 0, error: 'unreachable', description: `cannot reach ${loginUrl}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: reported below
  }
  if (response.ok && typeof body.access_token === 'string') return { ok: true, accessToken: body.access_token };
  const codes = Array.isArray(body.error_codes) ? (body.error_codes as number[]) : [];
  const description = typeof body.error_description === 'string' ? body.error_description.split(' Trace ID:')[0]! : text.slice(0, 200);
  return { ok: false, status: response.status, error: typeof body.error === 'string' ? body.error : `HTTP ${response.status}`, code: codes[0], description };
}
