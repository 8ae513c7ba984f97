/**
 * JSON Schema (draft-07) for apiProperties.json, written from Microsoft's documentation of the
 * file (learn.microsoft.com/connectors/custom-connectors/paconn-cli "API properties file",
 * certification-submission, policy-templates) and the public repository's
 * schemas/paconn-apiProperties.schema.json, widened where that schema is stale: real connectors
 * also use scriptOperations, connectionParameterSets and script. Unknown keys below `properties`
 * are left to the `api-properties-known-keys` rule (a warning with a "did you mean").
 */
const uiDefinition = {
  type: 'object',
  properties: {
    displayName: { type: 'string' },
    description: { type: 'string' },
    tooltip: { type: 'string' },
    tabIndex: { type: 'integer' },
    constraints: {
      type: 'object',
      properties: {
        required: { type: ['string', 'boolean'], enum: ['true', 'false', true, false] },
        clearText: { type: 'boolean' },
        hidden: { type: ['string', 'boolean'], enum: ['true', 'false', true, false] },
        tabIndex: { type: 'integer' },
        allowedValues: {
          type: 'array',
          items: { type: 'object', required: ['value'], properties: { value: {}, text: { type: 'string' } } },
        },
        capability: { type: 'array', items: { type: 'string' } },
        dependencies: { type: 'object' },
      },
    },
  },
} as const;

const oAuthSettings = {
  type: 'object',
  required: ['identityProvider'],
  properties: {
    identityProvider: { type: 'string', minLength: 1 },
    clientId: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    redirectMode: { type: 'string', enum: ['Global', 'Direct', 'GlobalPerConnector'] },
    redirectUrl: { type: 'string' },
    properties: { type: 'object' },
    customParameters: { type: 'object' },
  },
} as const;

const connectionParameter = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['string', 'securestring', 'int', 'bool', 'gatewaySetting', 'oauthSetting', 'array', 'object'] },
    uiDefinition,
    oAuthSettings,
    allowedValues: { type: 'array' },
  },
} as const;

const connectionParameters = {
  type: 'object',
  propertyNames: { pattern: '^[0-9a-zA-Z_]+(:[0-9a-zA-Z_]+)?$' },
  additionalProperties: connectionParameter,
} as const;

export const apiPropertiesSchema = {
  type: 'object',
  required: ['properties'],
  additionalProperties: false,
  properties: {
    properties: {
      type: 'object',
      required: ['iconBrandColor'],
      properties: {
        iconBrandColor: { type: 'string' },
        capabilities: { type: 'array', items: { type: 'string' } },
        connectionParameters,
        connectionParameterSets: {
          type: 'object',
          required: ['values'],
          properties: {
            uiDefinition,
            values: {
              type: 'array',
              items: { type: 'object', required: ['name', 'parameters'], properties: { name: { type: 'string' }, uiDefinition, parameters: connectionParameters } },
            },
          },
        },
        policyTemplateInstances: {
          type: 'array',
          items: {
            type: 'object',
            required: ['templateId', 'parameters'],
            properties: { templateId: { type: 'string' }, title: { type: 'string' }, parameters: { type: 'object' } },
          },
        },
        publisher: { type: 'string' },
        stackOwner: { type: 'string' },
        scriptOperations: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

/** Keys Microsoft documents under `properties`; anything else is likely a typo. */
export const KNOWN_API_PROPERTIES_KEYS = [
  'iconBrandColor',
  'capabilities',
  'connectionParameters',
  'connectionParameterSets',
  'policyTemplateInstances',
  'publisher',
  'stackOwner',
  'scriptOperations',
  'script',
] as const;
