import type { ResolvedCloud } from './clouds.js';
import type { AadAuthSource, BasicAuthSource, ConnectionFieldSource, ConnectorSource } from './source-types.js';

type Json = Record<string, unknown>;

/**
 * Written where the source and the command line give no client id. It follows the placeholder
 * convention of the public connector repository (`[[...]]`), so paconn and the maker portal show
 * plainly what to fill in; it is never a made-up GUID.
 */
export const CLIENT_ID_PLACEHOLDER = '[[client id of your Azure AD app registration]]';

export interface ApiPropertiesOptions {
  /** Client id of the Azure AD app registration, overriding the source's. */
  clientId?: string;
}

/**
 * apiProperties.json as paconn and `pac connector` read it. The OAuth client secret is never
 * written: paconn adds it to oAuthSettings only in the request it sends (`paconn create --secret`),
 * and in the maker portal it is typed into the Security tab.
 */
export function generateApiProperties(source: ConnectorSource, cloud: ResolvedCloud, options: ApiPropertiesOptions = {}): Json {
  const { connector } = source;
  const connectionParameters = source.auth.type === 'aad' ? aadParameters(source.auth, cloud, options) : basicParameters(source.auth);
  return {
    properties: {
      connectionParameters,
      iconBrandColor: connector.brandColor.toLowerCase(),
      capabilities: [],
      publisher: connector.publisher,
      stackOwner: connector.stackOwner,
    },
  };
}

function aadParameters(auth: AadAuthSource, cloud: ResolvedCloud, options: ApiPropertiesOptions): Json {
  const resource = cloud.resource!;
  const oAuthSettings: Json = {
    identityProvider: 'aad',
    clientId: options.clientId ?? auth.clientId ?? CLIENT_ID_PLACEHOLDER,
    scopes: [...(auth.scopes ?? [])],
    redirectMode: 'Global',
  };
  if (cloud.redirectUrl) oAuthSettings.redirectUrl = cloud.redirectUrl;
  oAuthSettings.properties = {
    IsFirstParty: 'False',
    AzureActiveDirectoryResourceId: resource,
    IsOnbehalfofLoginSupported: auth.onBehalfOfLogin ?? false,
  };
  oAuthSettings.customParameters = {
    loginUri: { value: cloud.login },
    tenantId: { value: auth.tenantId },
    resourceUri: { value: resource },
    enableOnbehalfOfLogin: { value: String(auth.onBehalfOfLogin ?? false) },
  };
  return {
    token: { type: 'oauthSetting', oAuthSettings },
    // Lets the platform fill the signed-in tenant into the connection (as the CoE kit's connector does).
    'token:TenantId': {
      type: 'string',
      metadata: { sourceType: 'AzureActiveDirectoryTenant' },
      uiDefinition: { constraints: { required: 'false', hidden: 'true' } },
    },
  };
}

function basicParameters(auth: BasicAuthSource): Json {
  return {
    // As the maker portal writes basic auth: the user name is shown as typed, the password masked.
    username: { type: 'securestring', uiDefinition: uiDefinition(auth.username, 2, true) },
    password: { type: 'securestring', uiDefinition: uiDefinition(auth.password, 3, false) },
  };
}

function uiDefinition(field: ConnectionFieldSource, tabIndex: number, clearText: boolean): Json {
  return {
    displayName: field.displayName,
    description: field.description,
    tooltip: field.tooltip ?? field.description,
    constraints: { tabIndex, clearText, required: 'true' },
  };
}
