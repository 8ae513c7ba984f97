import { DOCS, isObject, type Rule } from '../types.js';

/**
 * The identity providers the public connectors repository's apiProperties schema allows for custom
 * connectors. The service knows more first-party providers, so another value is a warning.
 */
export const IDENTITY_PROVIDERS = ['oauth2', 'oauth2generic', 'aad', 'aadcertificate', 'facebook'];

/** oauthSetting connection parameters name a known identity provider, with a client id and scopes. */
export const oauthIdentityProvider: Rule = {
  id: 'oauth-identity-provider',
  severity: 'warning',
  description: `oauthSetting connection parameters use a documented identityProvider (${IDENTITY_PROVIDERS.join(', ')}) with a clientId`,
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ report }) => ({
    apiProperties(properties) {
      const parameters = isObject(properties.connectionParameters) ? properties.connectionParameters : {};
      for (const [name, parameter] of Object.entries(parameters)) {
        if (!isObject(parameter) || String(parameter.type).toLowerCase() !== 'oauthsetting' || !isObject(parameter.oAuthSettings)) continue;
        const settings = parameter.oAuthSettings;
        const path = ['properties', 'connectionParameters', name, 'oAuthSettings'];
        if (parameter.type !== 'oauthSetting') report({ message: `connection parameter type "${String(parameter.type)}" should be spelled "oauthSetting"`, path: ['properties', 'connectionParameters', name, 'type'], file: 'apiProperties' });
        if (typeof settings.identityProvider === 'string' && !IDENTITY_PROVIDERS.includes(settings.identityProvider)) {
          report({ message: `identityProvider "${settings.identityProvider}" is not one of ${IDENTITY_PROVIDERS.join(', ')}`, path: [...path, 'identityProvider'], file: 'apiProperties' });
        }
        if (typeof settings.clientId !== 'string' || settings.clientId.trim() === '') report({ message: `oAuthSettings of "${name}" has no clientId`, path, file: 'apiProperties' });
      }
    },
  }),
};
