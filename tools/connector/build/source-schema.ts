/**
 * JSON Schema (draft-07, checked with ajv) of a connector source file. Every object is closed
 * (`additionalProperties: false`) so that a misspelt key is an error with its line number instead
 * of a setting that silently does nothing.
 */

// The certification categories are the validator's list: one list for both sides.
import { CONNECTOR_CATEGORIES } from '../validate/rules/connector-metadata.js';

const visibility = { enum: ['important', 'advanced', 'internal'] };
const primitiveType = { enum: ['string', 'integer', 'number', 'boolean'] };
const text = { type: 'string', minLength: 1 };
const scalar = { type: ['string', 'number', 'boolean'] };
const httpsUrl = { type: 'string', pattern: '^https://[^\\s/]+(/\\S*)?$' };
/** Keys that name things (definitions, shared parameters): identifiers, never __proto__ and friends. */
const identifierKey = { pattern: '^[A-Za-z][A-Za-z0-9_.-]*$', not: { enum: ['constructor', 'prototype'] } };
/** Property and header names may be anything JSON allows except keys that reach Object.prototype. */
const safeKey = { not: { enum: ['__proto__', 'constructor', 'prototype'] } };

const cloudEndpoint = {
  type: 'object',
  additionalProperties: false,
  required: ['host'],
  properties: {
    host: { type: 'string', pattern: '^[A-Za-z0-9.-]+(:[0-9]+)?$' },
    resource: httpsUrl,
    login: httpsUrl,
  },
};

const connectionField = {
  type: 'object',
  additionalProperties: false,
  required: ['displayName', 'description'],
  properties: { displayName: text, description: text, tooltip: text },
};

export const connectorSourceSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ppkit.dev/schemas/connector-source.json',
  title: 'ppkit connector source',
  type: 'object',
  additionalProperties: false,
  required: ['connector', 'clouds', 'basePath', 'auth', 'operations'],
  properties: {
    connector: {
      type: 'object',
      additionalProperties: false,
      required: ['solutionName', 'title', 'description', 'version', 'publisher', 'stackOwner', 'brandColor', 'iconGlyph', 'website', 'privacyPolicy', 'categories'],
      properties: {
        solutionName: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        title: { type: 'string', minLength: 1, maxLength: 30 },
        description: { type: 'string', minLength: 30, maxLength: 500 },
        version: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+){1,3}$' },
        publisher: text,
        stackOwner: text,
        brandColor: { type: 'string', pattern: '^#[0-9A-Fa-f]{6}$' },
        iconGlyph: { enum: ['document', 'shield'] },
        contact: {
          type: 'object',
          additionalProperties: false,
          properties: { name: text, url: httpsUrl, email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' } },
        },
        website: httpsUrl,
        privacyPolicy: httpsUrl,
        categories: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true, items: { enum: [...CONNECTOR_CATEGORIES] } },
      },
    },
    clouds: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { public: cloudEndpoint, gcc: cloudEndpoint, gcch: cloudEndpoint, dod: cloudEndpoint },
    },
    basePath: { type: 'string', pattern: '^/' },
    auth: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['aad', 'basic'] } },
      if: { properties: { type: { const: 'aad' } } },
      then: {
        additionalProperties: false,
        required: ['tenantId'],
        properties: {
          type: true,
          tenantId: text,
          clientId: text,
          scopes: { type: 'array', items: text },
          onBehalfOfLogin: { type: 'boolean' },
        },
      },
      else: {
        additionalProperties: false,
        required: ['username', 'password'],
        properties: { type: true, username: connectionField, password: connectionField },
      },
    },
    parameters: { type: 'object', propertyNames: identifierKey, additionalProperties: { $ref: '#/definitions/parameter' } },
    definitions: { type: 'object', propertyNames: identifierKey, additionalProperties: { $ref: '#/definitions/schema' } },
    operations: { type: 'array', minItems: 1, items: { $ref: '#/definitions/operation' } },
  },
  definitions: {
    parameter: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'in', 'summary', 'description', 'type'],
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
        in: { enum: ['path', 'query', 'header'] },
        summary: text,
        description: text,
        type: primitiveType,
        format: text,
        enum: { type: 'array', minItems: 1, uniqueItems: true, items: { type: ['string', 'number'] } },
        default: scalar,
        required: { type: 'boolean' },
        visibility,
      },
    },
    parameterUse: {
      type: 'object',
      if: { required: ['ref'] },
      then: { additionalProperties: false, properties: { ref: text } },
      else: { $ref: '#/definitions/parameter' },
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ref: text,
        type: { enum: ['object', 'array', 'string', 'integer', 'number', 'boolean'] },
        format: text,
        summary: text,
        description: text,
        visibility,
        enum: { type: 'array', minItems: 1, uniqueItems: true, items: { type: ['string', 'number'] } },
        default: {},
        properties: { type: 'object', propertyNames: safeKey, additionalProperties: { $ref: '#/definitions/schema' } },
        required: { type: 'array', minItems: 1, uniqueItems: true, items: text },
        items: { $ref: '#/definitions/schema' },
        notificationUrl: { type: 'boolean' },
      },
    },
    response: {
      type: 'object',
      additionalProperties: false,
      required: ['description'],
      properties: {
        description: text,
        schema: { $ref: '#/definitions/schema' },
        headers: {
          type: 'object',
          propertyNames: safeKey,
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'summary', 'description'],
            properties: { type: primitiveType, summary: text, description: text },
          },
        },
      },
    },
    operation: {
      type: 'object',
      additionalProperties: false,
      required: ['operationId', 'method', 'path', 'summary', 'description', 'responses'],
      properties: {
        operationId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$', maxLength: 80 },
        method: { enum: ['get', 'post', 'put', 'patch', 'delete'] },
        path: { type: 'string', pattern: '^/[^?#*\\s]*$' },
        summary: { type: 'string', minLength: 1, maxLength: 80 },
        description: text,
        visibility,
        deprecated: { type: 'boolean' },
        trigger: { enum: ['single', 'batch'] },
        parameters: { type: 'array', items: { $ref: '#/definitions/parameterUse' } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['summary', 'description', 'schema'],
          properties: { summary: text, description: text, required: { type: 'boolean' }, visibility, schema: { $ref: '#/definitions/schema' } },
        },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5][0-9][0-9]|default)$' },
          additionalProperties: { $ref: '#/definitions/response' },
        },
        notificationContent: {
          type: 'object',
          additionalProperties: false,
          required: ['description', 'schema'],
          properties: { description: text, schema: { $ref: '#/definitions/schema' } },
        },
      },
    },
  },
} as const;
