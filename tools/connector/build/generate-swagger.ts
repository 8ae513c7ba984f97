import type { ResolvedCloud } from './clouds.js';
import type { ConnectorSource, OperationSource, ParameterSource, ResponseSource, SchemaSource } from './source-types.js';

type Json = Record<string, unknown>;

/**
 * apiDefinition.swagger.json: Swagger 2.0 with the Power Platform extensions. Keys are written in
 * a fixed order (the order of the corpus of certified connectors), so output is byte-stable.
 */
export function generateSwagger(source: ConnectorSource, cloud: ResolvedCloud): Json {
  const { connector } = source;
  const paths: Record<string, Json> = {};
  for (const operation of source.operations) {
    const item = (paths[operation.path] ??= {});
    item[operation.method] = operationObject(source, operation);
    if (operation.notificationContent) {
      item['x-ms-notification-content'] = { description: operation.notificationContent.description, schema: schemaObject(operation.notificationContent.schema) };
    }
  }
  const info: Json = { title: connector.title, description: connector.description, version: connector.version };
  if (connector.contact) info.contact = { ...connector.contact };
  const definitions: Json = {};
  for (const [name, schema] of Object.entries(source.definitions ?? {})) definitions[name] = schemaObject(schema);

  return {
    swagger: '2.0',
    info,
    host: cloud.host,
    basePath: source.basePath,
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
    definitions,
    parameters: {},
    responses: {},
    securityDefinitions: securityDefinitions(source, cloud),
    security: [{ [securityName(source)]: [] }],
    tags: [],
    'x-ms-connector-metadata': [
      { propertyName: 'Website', propertyValue: connector.website },
      { propertyName: 'Privacy policy', propertyValue: connector.privacyPolicy },
      { propertyName: 'Categories', propertyValue: connector.categories.join(';') },
    ],
  };
}

function securityName(source: ConnectorSource): string {
  return source.auth.type === 'aad' ? 'oauth2_auth' : 'basic_auth';
}

function securityDefinitions(source: ConnectorSource, cloud: ResolvedCloud): Json {
  if (source.auth.type === 'basic') return { basic_auth: { type: 'basic' } };
  // What the maker portal writes for an "Azure Active Directory" identity provider: the
  // authorize URL of the cloud's authority for both URLs; the real token exchange is configured
  // in apiProperties (loginUri, tenantId, resourceUri).
  const authorize = `${cloud.login}/${source.auth.tenantId}/oauth2/authorize`;
  return { oauth2_auth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: authorize, tokenUrl: authorize, scopes: {} } };
}

function operationObject(source: ConnectorSource, operation: OperationSource): Json {
  const out: Json = { operationId: operation.operationId, summary: operation.summary, description: operation.description };
  // Every operation and parameter states its visibility; unset means "important" for operations
  // and required inputs, "advanced" (behind the designer's advanced options) for optional ones.
  out['x-ms-visibility'] = operation.visibility ?? 'important';
  if (operation.deprecated) out.deprecated = true;
  if (operation.trigger) out['x-ms-trigger'] = operation.trigger;
  const parameters = (operation.parameters ?? []).map((use) => parameterObject('ref' in use ? source.parameters![use.ref]! : use));
  if (operation.body) {
    const required = operation.body.required ?? false;
    const body: Json = { name: 'body', in: 'body', required, description: operation.body.description, 'x-ms-summary': operation.body.summary };
    body['x-ms-visibility'] = operation.body.visibility ?? (required ? 'important' : 'advanced');
    body.schema = schemaObject(operation.body.schema);
    parameters.push(body);
  }
  out.parameters = parameters;
  const responses: Json = {};
  for (const [code, response] of Object.entries(operation.responses)) responses[code] = responseObject(response);
  out.responses = responses;
  return out;
}

function parameterObject(parameter: ParameterSource): Json {
  const required = parameter.in === 'path' ? true : (parameter.required ?? false);
  const out: Json = { name: parameter.name, in: parameter.in, required, type: parameter.type };
  if (parameter.format) out.format = parameter.format;
  if (parameter.enum) out.enum = [...parameter.enum];
  if (parameter.default !== undefined) out.default = parameter.default;
  out.description = parameter.description;
  out['x-ms-summary'] = parameter.summary;
  out['x-ms-visibility'] = parameter.visibility ?? (required ? 'important' : 'advanced');
  // Path values are encoded once, as the API expects (certification rule PathParameterMissingEncoding).
  if (parameter.in === 'path') out['x-ms-url-encoding'] = 'single';
  return out;
}

function responseObject(response: ResponseSource): Json {
  const out: Json = { description: response.description };
  if (response.headers) {
    const headers: Json = {};
    for (const [name, header] of Object.entries(response.headers)) {
      headers[name] = { type: header.type, description: header.description, 'x-ms-summary': header.summary };
    }
    out.headers = headers;
  }
  if (response.schema) out.schema = schemaObject(response.schema);
  return out;
}

export function schemaObject(schema: SchemaSource): Json {
  if (schema.ref) return { $ref: `#/definitions/${schema.ref}` };
  const out: Json = { type: schema.type };
  if (schema.format) out.format = schema.format;
  if (schema.enum) out.enum = [...schema.enum];
  if (schema.default !== undefined) out.default = schema.default;
  if (schema.description) out.description = schema.description;
  if (schema.summary) out['x-ms-summary'] = schema.summary;
  if (schema.visibility) out['x-ms-visibility'] = schema.visibility;
  if (schema.notificationUrl) out['x-ms-notification-url'] = true;
  if (schema.properties) {
    const properties: Json = {};
    for (const [name, property] of Object.entries(schema.properties)) properties[name] = schemaObject(property);
    out.properties = properties;
  }
  if (schema.required) out.required = [...schema.required];
  if (schema.items) out.items = schemaObject(schema.items);
  return out;
}
