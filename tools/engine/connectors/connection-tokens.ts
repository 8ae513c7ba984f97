/**
 * When Power Automate starts a manually triggered flow (a button, Power Apps, or a parent's "Run a
 * Child Flow"), the trigger request carries the caller's connections in the `X-MS-APIM-Tokens`
 * header: base64 JSON with `$ConnectionKey` and `$connections`. Flows whose connections are
 * provided by the run-only user (the CoE kit's child flows among them) authenticate every connector
 * action from it:
 * `"authentication": {"type": "Raw", "value": "@json(decodeBase64(triggerOutputs().headers['X-MS-APIM-Tokens']))['$ConnectionKey']"}`.
 * Locally the engine sends each connector call with the bound connection's auth, so the header holds
 * an opaque key and the connection ids, never a credential.
 */
export const CONNECTION_TOKENS_HEADER = 'X-MS-APIM-Tokens';
const LOCAL_CONNECTION_KEY = 'Key ppkit-local-connection';

/** The header value for a run whose `$connections` parameter is `connections`. */
export function connectionTokens(connections: unknown): string {
  const value = connections !== null && typeof connections === 'object' && 'value' in connections ? (connections as { value: unknown }).value : connections;
  return Buffer.from(JSON.stringify({ $ConnectionKey: LOCAL_CONNECTION_KEY, $connections: value ?? {} })).toString('base64');
}

/** `headers` with the tokens header added unless the caller sent one (any case). */
export function withConnectionTokens(headers: Record<string, string>, connections: unknown): Record<string, string> {
  const wanted = CONNECTION_TOKENS_HEADER.toLowerCase();
  if (Object.keys(headers).some((name) => name.toLowerCase() === wanted)) return headers;
  return { ...headers, [CONNECTION_TOKENS_HEADER]: connectionTokens(connections) };
}
