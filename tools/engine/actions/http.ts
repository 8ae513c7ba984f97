import { ActionFailure } from '../errors.js';
import { maskHeaders, secretValue } from '../connectors/auth.js';
import { sendHttp } from '../connectors/http-client.js';
import { queryText, withQuery } from '../connectors/parameter-body.js';
import { httpOutcome, sendWithRetry } from '../retry/send-with-retry.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject, textOf } from './values.js';

/**
 * Http: `method`, `uri`, `headers`, `queries`, `body`, `authentication` (Basic, Raw,
 * ActiveDirectoryOAuth with a secret), `retryPolicy`. Non-2xx final responses fail the action.
 */
export const http: ActionType = {
  type: 'Http',
  validate(definition, report) {
    const inputs = definition.inputs as { method?: unknown; uri?: unknown } | undefined;
    if (!isObject(inputs) || typeof inputs.method !== 'string' || inputs.uri === undefined) report('"inputs.method" and "inputs.uri" are required', ['inputs']);
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const uri = textOf(inputs.uri);
    if (!/^https?:\/\//i.test(uri)) throw new ActionFailure('InvalidTemplate', `The 'uri' of action '${execution.name}' must be an absolute http(s) URL; got '${uri}'.`);
    const headers: Record<string, string> = {};
    if (isObject(inputs.headers)) for (const [k, v] of Object.entries(inputs.headers)) headers[k] = textOf(v);
    const query: Array<[string, string]> = isObject(inputs.queries) ? Object.entries(inputs.queries).map(([k, v]) => [k, queryText(v)]) : [];
    const url = withQuery(uri, query);
    const services = execution.run.services;
    const authentication = isObject(inputs.authentication) ? inputs.authentication : undefined;
    const send = async () => sendHttp(services, { method: String(inputs.method), url, headers: { ...headers, ...(await authenticationHeaders(execution.run.services, authentication)) }, body: inputs.body });
    const result = await sendWithRetry(execution, inputs.retryPolicy, send);
    const recorded = { method: inputs.method, uri: url, headers: maskHeaders(headers), ...(inputs.body === undefined ? {} : { body: inputs.body }), ...(authentication ? { authentication: { type: authentication.type } } : {}) };
    return httpOutcome(result, recorded);
  },
};

async function authenticationHeaders(services: Parameters<typeof sendHttp>[0], authentication: Record<string, unknown> | undefined): Promise<Record<string, string>> {
  if (!authentication) return {};
  const type = String(authentication.type ?? '').toLowerCase();
  if (type === 'basic') return { Authorization: `Basic ${Buffer.from(`${textOf(authentication.username)}:${secretValue(textOf(authentication.password))}`).toString('base64')}` };
  if (type === 'raw') return { Authorization: textOf(authentication.value) };
  if (type === 'activedirectoryoauth') {
    const authority = textOf(authentication.authority) || 'https://login.microsoftonline.com';
    const tokenUrl = `${authority.replace(/\/+$/, '')}/${textOf(authentication.tenant)}/oauth2/token`;
    const { TokenCache } = await import('../connectors/auth.js');
    const token = await new TokenCache().token(services, { type: 'oauth2', tokenUrl, clientId: textOf(authentication.clientId), clientSecret: textOf(authentication.secret), resource: textOf(authentication.audience) });
    return { Authorization: `Bearer ${token}` };
  }
  throw new ActionFailure('InvalidTemplate', `The authentication type '${textOf(authentication.type)}' is not supported locally (use Basic, Raw or ActiveDirectoryOAuth).`);
}
