import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { defaultDistDir } from '../../core/paths.js';
import { readJsonFile } from '../../core/read-input.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { collectKeyValue } from '../options.js';
import { clientCredentialsToken } from '../../mocks/o365/client-credentials.js';
import { prepareOperation, type ConnectorDefinition } from '../../mocks/o365/connector-operation.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_LEGACY_PASSWORD, DEFAULT_LEGACY_USER, DEFAULT_RESOURCE } from '../../mocks/o365/index.js';

interface ConnectorTestOptions {
  param: Record<string, string>;
  baseUrl?: string;
  connector?: string;
  loginUrl?: string;
  tenant?: string;
  clientId?: string;
  clientSecret?: string;
  resource: string;
  username?: string;
  password?: string;
  json?: boolean;
}

export function defaultConnectorSwagger(): string {
  return join(defaultDistDir(), 'connector', 'office365-management-api', 'public', 'apiDefinition.swagger.json');
}

/** `ppkit connector test <operationId>`: one operation, as the portal's Test tab runs it. */
export const connectorTestCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'connector', 'build, check and test custom connectors', 'ppkit connector test StartSubscription --param Tenant=<tenant id> --param PublisherIdentifier=<app id>');
    withExamples(
      group
        .command('test <operationId>')
        .description("invoke one operation of a connector definition like the portal's Test tab (OAuth: client-credentials token from the login URL; basic: user name and password)")
        .option('--param <Name=value>', 'a parameter value (repeat); body parameters take JSON', collectKeyValue, {})
        .option('--base-url <url>', 'send to this root instead of https://<host> (e.g. a running `ppkit mock o365`)')
        .option('--connector <swagger>', 'the connector definition (default: dist/connector/office365-management-api/public/apiDefinition.swagger.json)')
        .option('--login-url <url>', 'token authority (default: the base URL when given, else https://login.microsoftonline.com)')
        .option('--tenant <id>', 'tenant for the token request (default: the Tenant parameter)')
        .option('--client-id <id>', 'app registration client id (default: the mock default)')
        .option('--client-secret <secret>', 'client secret (or PPKIT_CLIENT_SECRET; default: the mock default)')
        .option('--resource <url>', 'the connector security Resource URL', DEFAULT_RESOURCE)
        .option('--username <upn>', 'user for connectors with basic authentication (default: the mock user)')
        .option('--password <password>', 'password for basic authentication (or PPKIT_PASSWORD; default: the mock password)')
        .option('--json', 'print the response as JSON'),
      'ppkit connector test StartSubscription --param Tenant=7d1b3c5e-9f2a-4b6c-8d0e-1a2b3c4d5e6f --param PublisherIdentifier=0c5e7a1d-4f2b-4c8e-9a3d-6b1f2e8d7c90 --base-url http://127.0.0.1:8443',
      'ppkit connector test ListContent --param Tenant=<tenant> --param contentType=Audit.General --base-url http://127.0.0.1:8443 --json',
    ).action(
      context.action(async (operationId: string, o: ConnectorTestOptions) => {
        const file = o.connector ?? defaultConnectorSwagger();
        if (!o.connector && !existsSync(file)) throw new InputError('connector definition not found: run `ppkit connector build` first or pass --connector <swagger>', { file });
        const definition = readJsonFile(file) as ConnectorDefinition;
        if (!definition || typeof definition !== 'object' || typeof definition.paths !== 'object') throw new InputError('expected a Swagger 2.0 connector definition with "paths"', { file, pointer: '/paths' });
        const prepared = prepareOperation(definition, file, operationId, o.param, o.baseUrl);
        const headers = { ...prepared.headers };
        if (prepared.auth === 'basic') {
          const user = o.username ?? DEFAULT_LEGACY_USER;
          const password = o.password ?? process.env.PPKIT_PASSWORD ?? DEFAULT_LEGACY_PASSWORD;
          headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
        } else if (prepared.auth === 'oauth2') {
          const tenantKey = Object.keys(o.param).find((k) => k.toLowerCase() === 'tenant');
          const tenant = o.tenant ?? (tenantKey ? o.param[tenantKey] : undefined);
          if (!tenant) throw new UsageError('no tenant for the token: pass --param Tenant=<tenant id> or --tenant');
          const token = await clientCredentialsToken(o.loginUrl ?? o.baseUrl ?? 'https://login.microsoftonline.com', tenant, o.clientId ?? DEFAULT_CLIENT_ID, o.clientSecret ?? process.env.PPKIT_CLIENT_SECRET ?? DEFAULT_CLIENT_SECRET, o.resource);
          if (!token.ok) {
            context.io.stderr(token.status ? `ppkit: connection failed: token request answered ${token.status} ${token.error}${token.code ? ` (AADSTS${token.code})` : ''}: ${token.description}\n` : `ppkit: connection failed: token request got no answer: ${token.description}\n`);
            return 1;
          }
          headers.Authorization = `Bearer ${token.accessToken}`;
        }
        let response: Response;
        try {
          response = await fetch(prepared.url, { method: prepared.method, headers, body: prepared.body, signal: AbortSignal.timeout(60_000) });
        } catch (error) {
          context.io.stderr(`ppkit: cannot reach ${new URL(prepared.url).origin}: ${error instanceof Error ? error.message : String(error)}\n`);
          return 1;
        }
        const text = await response.text();
        let body: unknown = text;
        try {
          body = text === '' ? null : JSON.parse(text);
        } catch {
          // keep the raw text
        }
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => (responseHeaders[name] = value));
        if (o.json) {
          context.io.stdout(`${JSON.stringify({ operationId, request: { method: prepared.method, url: prepared.url }, status: response.status, headers: responseHeaders, body }, null, 2)}\n`);
        } else {
          context.io.stdout(`(${response.status}) ${prepared.method} ${prepared.url}\n`);
          if (responseHeaders.nextpageuri) context.io.stdout(`NextPageUri: ${responseHeaders.nextpageuri}\n`);
          context.io.stdout(`${typeof body === 'string' ? body : JSON.stringify(body, null, 2)}\n`);
        }
        return response.ok ? 0 : 1;
      }),
    );
  },
};
