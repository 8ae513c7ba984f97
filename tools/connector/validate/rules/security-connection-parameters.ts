import { DOCS, isObject, type Rule } from '../types.js';

/**
 * securityDefinitions and apiProperties' connectionParameters describe the same sign-in:
 * oauth2 needs an `oauthSetting` parameter (and vice versa), basic needs `username` and
 * `password`, apiKey needs a secure parameter (`api_key`, or the definition's own name).
 */
export const securityConnectionParameters: Rule = {
  id: 'security-connection-parameters',
  severity: 'error',
  description: 'securityDefinitions match apiProperties connectionParameters (oauth2 <-> oauthSetting, basic -> username/password, apiKey -> api_key)',
  docsUrl: `${DOCS.paconn}#api-properties-file`,
  create: ({ index, report }) => ({
    document() {
      if (!index.apiProperties) return;
      const definitions = isObject(index.root.securityDefinitions) ? index.root.securityDefinitions : {};
      const parameterSets = isObject(index.apiProperties.connectionParameterSets) && Array.isArray(index.apiProperties.connectionParameterSets.values) ? index.apiProperties.connectionParameterSets.values : [];
      const parameterMaps = [index.apiProperties.connectionParameters, ...parameterSets.map((set) => (isObject(set) ? set.parameters : undefined))].filter(isObject);
      const all = new Map<string, Record<string, unknown>>();
      for (const map of parameterMaps) for (const [name, value] of Object.entries(map)) if (isObject(value)) all.set(name, value);
      const typeOf = (p: Record<string, unknown>) => String(p.type ?? '').toLowerCase();
      const oauthParameters = [...all.entries()].filter(([, p]) => typeOf(p) === 'oauthsetting');
      const where = ['securityDefinitions'];
      for (const [name, definition] of Object.entries(definitions)) {
        if (!isObject(definition)) continue;
        const at = [...where, name];
        if (definition.type === 'oauth2' && oauthParameters.length === 0) {
          report({ message: `securityDefinitions "${name}" is oauth2 but apiProperties.json has no connection parameter of type "oauthSetting"`, path: at });
        } else if (definition.type === 'basic') {
          for (const needed of ['username', 'password']) if (!all.has(needed)) report({ message: `securityDefinitions "${name}" is basic but apiProperties.json has no "${needed}" connection parameter`, path: at });
        } else if (definition.type === 'apiKey') {
          const parameter = all.get('api_key') ?? all.get(name);
          if (!parameter) report({ message: `securityDefinitions "${name}" is apiKey but apiProperties.json has no "api_key" connection parameter`, path: at });
          else if (typeOf(parameter) !== 'securestring') report({ message: `the API key connection parameter should be "securestring" so it is never shown, found "${String(parameter.type)}"`, path: ['properties', 'connectionParameters'], file: 'apiProperties' });
        }
      }
      // Multi-auth (connectionParameterSets) cannot be written as securityDefinitions (the wizard does not
      // support it; docs: custom-connectors/multi-auth), so its OAuth sign-in lives in apiProperties alone.
      if (parameterSets.length === 0 && oauthParameters.length > 0 && !Object.values(definitions).some((d) => isObject(d) && d.type === 'oauth2')) {
        report({ message: `connection parameter "${oauthParameters[0]![0]}" is an oauthSetting but the swagger declares no oauth2 securityDefinition`, path: ['properties', 'connectionParameters', oauthParameters[0]![0]], file: 'apiProperties' });
      }
    },
  }),
};
