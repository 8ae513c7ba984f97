/**
 * Every rule through the real engine: the clean fixture passes each rule (the passing example),
 * and each failing example is the clean connector with one defect, reported at the expected pointer.
 */
import { describe, expect, it } from 'vitest';
import { rules } from '../../../tools/connector/validate/index.js';
import { cleanConnector, runRule, type Json } from './rule-harness.js';

type Connector = { swagger: Json; properties?: Json; script?: string; group?: string };
type Case = [rule: string, name: string, mutate: (c: Connector) => void, pointers: string[]];

const P = '/paths/~1projects~1{projectId}~1tasks';
const op = (c: Connector, path = '/projects/{projectId}/tasks', method = 'get'): Json => c.swagger.paths[path][method];

const failing: Case[] = [
  ['swagger-schema', 'unknown root key', (c) => void (c.swagger.foo = 1), ['/foo']],
  ['swagger-schema', 'bad parameter type', (c) => void (op(c).parameters[1].type = 'strin'), [`${P}/get/parameters/1/type`]],
  ['swagger-version', 'version 3', (c) => void (c.swagger.swagger = '3.0'), ['/swagger']],
  ['host-valid', 'scheme in host', (c) => void (c.swagger.host = 'https://tasks.contoso.example.com'), ['/host']],
  ['host-valid', 'path in host', (c) => void (c.swagger.host = 'tasks.contoso.example.com/v1'), ['/host']],
  ['base-path-valid', 'no leading slash', (c) => void (c.swagger.basePath = 'v1'), ['/basePath']],
  ['schemes-valid', 'empty', (c) => void (c.swagger.schemes = []), ['/schemes']],
  ['schemes-valid', 'ftp', (c) => void (c.swagger.schemes = ['https', 'ftp']), ['/schemes/1']],
  ['schemes-https', 'http listed', (c) => void (c.swagger.schemes = ['http']), ['/schemes/0']],
  ['info-title', 'too long with API', (c) => void (c.swagger.info.title = 'Contoso Tasks Management API Service'), ['/info/title', '/info/title']],
  ['info-title', 'trailing dot', (c) => void (c.swagger.info.title = 'Contoso Tasks.'), ['/info/title']],
  ['info-description', 'too short', (c) => void (c.swagger.info.description = 'Tasks.'), ['/info/description']],
  ['info-description', 'product name', (c) => void (c.swagger.info.description = 'Use Contoso Tasks from Power Automate to manage your tasks.'), ['/info/description']],
  ['info-contact', 'missing', (c) => void delete c.swagger.info.contact, ['/info']],
  ['info-contact', 'bad email', (c) => void (c.swagger.info.contact.email = 'support-at-contoso'), ['/info/contact/email']],
  ['connector-metadata', 'missing', (c) => void delete c.swagger['x-ms-connector-metadata'], ['']],
  ['connector-metadata', 'unknown category', (c) => void (c.swagger['x-ms-connector-metadata'][2].propertyValue = 'Tasks'), ['/x-ms-connector-metadata/2/propertyValue']],
  ['connector-metadata', 'privacy not a URL', (c) => void (c.swagger['x-ms-connector-metadata'][1].propertyValue = 'see website'), ['/x-ms-connector-metadata/1/propertyValue']],
  ['operation-id-required', 'missing', (c) => void delete op(c).operationId, [`${P}/get`]],
  ['operation-id-unique', 'twice ignoring case', (c) => void (op(c, '/projects/{projectId}/tasks', 'post').operationId = 'listtasks'), [`${P}/post/operationId`]],
  ['operation-id-format', 'spaces', (c) => void (op(c).operationId = 'List tasks'), [`${P}/get/operationId`]],
  ['operation-id-pascal-case', 'camelCase', (c) => void (op(c).operationId = 'listTasks'), [`${P}/get/operationId`]],
  ['operation-summary', 'missing', (c) => void delete op(c).summary, [`${P}/get`]],
  ['operation-summary', 'ends with period', (c) => void (op(c).summary = 'List tasks.'), [`${P}/get/summary`, `${P}/get/summary`]],
  ['operation-summary', 'too long', (c) => void (op(c).summary = 'List tasks '.repeat(9)), [`${P}/get/summary`]],
  ['operation-description', 'no sentence', (c) => void (op(c).description = 'Lists the tasks'), [`${P}/get/description`]],
  ['operation-responses', 'default only', (c) => void (op(c).responses = { default: { description: 'x' } }), [`${P}/get/responses`]],
  ['default-response-schema', 'schema on default', (c) => void (op(c).responses.default.schema = { type: 'object' }), [`${P}/get/responses/default/schema`]],
  ['response-schema-placement', 'two schemas', (c) => void (op(c).responses['202'] = { description: 'x', schema: { $ref: '#/definitions/TaskList' } }), [`${P}/get/responses/202`]],
  ['response-schema-empty', 'empty object', (c) => void (op(c).responses['200'].schema = { type: 'object' }), [`${P}/get/responses/200/schema`]],
  ['path-format', 'query in path', (c) => void (c.swagger.paths['/search?q={q}'] = {}), ['/paths/~1search?q={q}']],
  ['path-format', 'same ignoring case', (c) => void (c.swagger.paths['/Projects'] = {}), ['/paths/~1Projects']],
  ['path-format', 'same template', (c) => void (c.swagger.paths['/projects/{id}/tasks'] = {}), ['/paths/~1projects~1{id}~1tasks']],
  ['path-parameters', 'not required', (c) => void (c.swagger.paths['/hooks/{hookId}'].delete.parameters[0].required = false), ['/paths/~1hooks~1{hookId}/delete/parameters/0']],
  ['path-parameters', 'undeclared', (c) => void (c.swagger.paths['/hooks/{hookId}'].delete.parameters = []), ['/paths/~1hooks~1{hookId}/delete']],
  ['path-parameter-encoding', 'missing', (c) => void delete c.swagger.paths['/hooks/{hookId}'].delete.parameters[0]['x-ms-url-encoding'], ['/paths/~1hooks~1{hookId}/delete/parameters/0']],
  ['path-parameter-encoding', 'on query', (c) => void (op(c).parameters[1]['x-ms-url-encoding'] = 'single'), [`${P}/get/parameters/1/x-ms-url-encoding`]],
  ['body-parameters', 'body on GET', (c) => void op(c).parameters.push({ name: 'b', in: 'body', schema: { type: 'object' } }), [`${P}/get/parameters/2`]],
  ['connection-id-parameter', 'reserved name', (c) => void (op(c).parameters[1].name = 'connectionId'), [`${P}/get/parameters/1/name`]],
  ['consumes-for-body', 'no consumes', (c) => void delete c.swagger.consumes, [`${P}/post`, '/paths/~1hooks/post']],
  ['file-parameter-in-form-data', 'file in query', (c) => void (op(c).parameters[1].type = 'file'), [`${P}/get/parameters/1/in`]],
  ['ref-valid', 'dangling', (c) => void (op(c).responses['200'].schema.$ref = '#/definitions/Nope'), [`${P}/get/responses/200/schema/$ref`]],
  ['ref-valid', 'external', (c) => void (op(c).responses['200'].schema.$ref = 'other.json#/definitions/Task'), [`${P}/get/responses/200/schema/$ref`]],
  ['ref-valid', 'cycle', (c) => void ((c.swagger.definitions.A = { $ref: '#/definitions/B' }), (c.swagger.definitions.B = { $ref: '#/definitions/A' })), ['/definitions/A/$ref', '/definitions/B/$ref']],
  ['schema-required', 'unknown property', (c) => void (c.swagger.definitions.Task.required = ['id', 'name']), ['/definitions/Task/required/1']],
  ['schema-required', 'empty list', (c) => void (c.swagger.definitions.Task.required = []), ['/definitions/Task/required']],
  ['enum-valid', 'duplicate', (c) => void (c.swagger.definitions.Task.properties.status.enum = ['open', 'done', 'open']), ['/definitions/Task/properties/status/enum/2']],
  ['enum-valid', 'enum value name not in enum', (c) => void (c.swagger.definitions.Task.properties.status['x-ms-enum-values'][1].value = 'closed'), ['/definitions/Task/properties/status/x-ms-enum-values/1']],
  ['schema-constraints', 'default wrong type', (c) => void (op(c).parameters[1].default = '20'), [`${P}/get/parameters/1/default`]],
  ['schema-constraints', 'min above max', (c) => void (op(c).parameters[1].minimum = 500), [`${P}/get/parameters/1/minimum`]],
  ['schema-constraints', 'bad pattern', (c) => void (c.swagger.definitions.NewTask.properties.title.pattern = '(['), ['/definitions/NewTask/properties/title/pattern']],
  ['visibility-values', 'unknown value', (c) => void (op(c).parameters[1]['x-ms-visibility'] = 'hidden'), [`${P}/get/parameters/1/x-ms-visibility`]],
  ['visibility-values', 'required internal without default', (c) => void Object.assign(op(c).parameters[1], { 'x-ms-visibility': 'internal', required: true, default: undefined }), [`${P}/get/parameters/1/x-ms-visibility`]],
  ['parameter-summary', 'missing', (c) => void delete op(c).parameters[1]['x-ms-summary'], [`${P}/get/parameters/1`]],
  ['response-property-summary', 'missing', (c) => void delete c.swagger.definitions.Task.properties.title['x-ms-summary'], ['/definitions/Task/properties/title']],
  ['response-property-summary', 'webhook payload (path-level x-ms-notification-content)', (c) => void (c.swagger.paths['/hooks']['x-ms-notification-content'] = { description: 'Payload.', schema: { type: 'object', properties: { id: { type: 'string' } } } }), ['/paths/~1hooks/x-ms-notification-content/schema/properties/id']],
  ['dynamic-values', 'unknown operation', (c) => void (c.swagger.parameters.ProjectId['x-ms-dynamic-values'].operationId = 'GetProjects'), ['/parameters/ProjectId/x-ms-dynamic-values/operationId']],
  ['dynamic-values', 'collection not an array', (c) => void delete c.swagger.parameters.ProjectId['x-ms-dynamic-values']['value-collection'], ['/parameters/ProjectId/x-ms-dynamic-values']],
  ['dynamic-values', 'unknown parameter', (c) => void (c.swagger.parameters.ProjectId['x-ms-dynamic-values'].parameters = { team: 'x' }), ['/parameters/ProjectId/x-ms-dynamic-values/parameters/team']],
  ['dynamic-schema', 'on body parameter', (c) => void (op(c, '/projects/{projectId}/tasks', 'post').parameters[1]['x-ms-dynamic-schema'] = { operationId: 'ListProjects' }), [`${P}/post/parameters/1/x-ms-dynamic-schema`]],
  ['dynamic-schema', 'unknown operation', (c) => void (c.swagger.definitions.NewTask['x-ms-dynamic-schema'] = { operationId: 'Nope' }), ['/definitions/NewTask/x-ms-dynamic-schema/operationId']],
  ['trigger-shape', 'unknown trigger kind', (c) => void (c.swagger.paths['/hooks'].post['x-ms-trigger'] = 'poll'), ['/paths/~1hooks/post/x-ms-trigger']],
  ['trigger-shape', 'callback not internal', (c) => void delete c.swagger.paths['/hooks'].post.parameters[0].schema.properties.callbackUrl['x-ms-visibility'], ['/paths/~1hooks/post/parameters/0']],
  ['notification-extensions', 'content on an action', (c) => void (op(c)['x-ms-notification-content'] = { schema: { type: 'object' } }), [`${P}/get/x-ms-notification-content`]],
  ['capabilities', 'test connection to nothing', (c) => void (c.swagger['x-ms-capabilities'].testConnection.operationId = 'Ping'), ['/x-ms-capabilities/testConnection/operationId']],
  ['capabilities', 'chunkTransfer not boolean', (c) => void (op(c)['x-ms-capabilities'] = { chunkTransfer: 'yes' }), [`${P}/get/x-ms-capabilities/chunkTransfer`]],
  ['api-annotation', 'replacement on live operation', (c) => void (op(c)['x-ms-api-annotation'] = { family: 'ListTasks', revision: 1, replacement: { api: 'contoso', operationId: 'ListTasksV2' } }), [`${P}/get/x-ms-api-annotation/replacement`]],
  ['pageable-next-link', 'other name', (c) => void (op(c)['x-ms-pageable'] = { nextLinkName: 'next' }), [`${P}/get/x-ms-pageable/nextLinkName`]],
  ['security-requirements', 'undefined scheme', (c) => void (c.swagger.security = [{ oauth: [] }]), ['/security/0/oauth']],
  ['security-requirements', 'scopes on apiKey', (c) => void (c.swagger.security = [{ api_key: ['read'] }]), ['/security/0/api_key']],
  ['security-connection-parameters', 'oauth2 without oauthSetting', (c) => void (c.swagger.securityDefinitions = { oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://login.contoso.example.com/a', tokenUrl: 'https://login.contoso.example.com/t', scopes: {} } }), ['/securityDefinitions/oauth']],
  ['security-connection-parameters', 'apiKey without api_key', (c) => void (c.properties!.properties.connectionParameters = {}), ['/securityDefinitions/api_key']],
  ['oauth-identity-provider', 'unknown provider', (c) => void (c.properties!.properties.connectionParameters.token = { type: 'oauthSetting', oAuthSettings: { identityProvider: 'okta', clientId: 'x', scopes: [] } }), ['/properties/connectionParameters/token/oAuthSettings/identityProvider']],
  ['oauth-identity-provider', 'no client id', (c) => void (c.properties!.properties.connectionParameters.token = { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad', scopes: [] } }), ['/properties/connectionParameters/token/oAuthSettings']],
  ['file-size', 'over 1 MB', (c) => void (c.swagger.info['x-padding'] = 'x'.repeat(1024 * 1024)), ['']],
  ['api-properties-missing', 'no apiProperties', (c) => void delete c.properties, ['']],
  ['api-properties-schema', 'bad parameter type', (c) => void (c.properties!.properties.connectionParameters.api_key.type = 'password'), ['/properties/connectionParameters/api_key/type']],
  ['api-properties-schema', 'extra root key', (c) => void (c.properties!.name = 'x'), ['/name']],
  ['api-properties-known-keys', 'typo', (c) => void (c.properties!.properties.stackowner = 'Contoso'), ['/properties/stackowner']],
  ['icon-brand-color', 'missing', (c) => void delete c.properties!.properties.iconBrandColor, ['/properties']],
  ['icon-brand-color', 'not hex', (c) => void (c.properties!.properties.iconBrandColor = 'blue'), ['/properties/iconBrandColor']],
  ['icon-brand-color-certified', 'default blue', (c) => void (c.properties!.properties.iconBrandColor = '#007EE5'), ['/properties/iconBrandColor']],
  ['icon-brand-color-certified', 'independent publisher colour', (c) => void (c.group = 'independent-publisher-connectors'), ['/properties/iconBrandColor']],
  ['publisher-stack-owner', 'missing stackOwner', (c) => void delete c.properties!.properties.stackOwner, ['/properties']],
  ['policy-templates', 'unknown template', (c) => void (c.properties!.properties.policyTemplateInstances[0].templateId = 'setheaders'), ['/properties/policyTemplateInstances/0/templateId']],
  ['policy-templates', 'unknown operation', (c) => void c.properties!.properties.policyTemplateInstances[0].parameters['x-ms-apimTemplate-operationName'].push('Nope'), ['/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/2']],
  ['script-operations', 'no script', (c) => void (c.properties!.properties.scriptOperations = ['ListTasks']), ['/properties/scriptOperations']],
  ['script-structure', 'not a Script class', (c) => void (c.script = 'public class Handler : ScriptBase { public override async Task<HttpResponseMessage> ExecuteAsync() { return null; } }'), ['']],
  ['script-structure', 'no ExecuteAsync', (c) => void (c.script = '// class Script : ScriptBase\npublic class Script : ScriptBase { }'), ['']],
  ['script-operations', 'unknown operation', (c) => void ((c.properties!.properties.scriptOperations = ['Nope']), (c.script = 'public class Script : ScriptBase {}')), ['/properties/scriptOperations/0']],
];

/** False positives found on real public connectors (fixtures/public): each must stay silent. */
const silent: [rule: string, name: string, mutate: (c: Connector) => void][] = [
  ['parameter-summary', 'parameter of an internal operation (webhook delete)', (c) => void delete op(c, '/hooks/{hookId}', 'delete').parameters[0]['x-ms-summary']],
  ['response-property-summary', 'property labelled by its JSON Schema title', (c) => {
    const property = c.swagger.definitions.Task.properties.title;
    property.title = property['x-ms-summary'];
    delete property['x-ms-summary'];
  }],
  ['response-property-summary', 'inline response of an internal operation (dynamic-values source)', (c) => {
    op(c, '/projects').responses['200'].schema = { type: 'object', properties: { value: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } } };
  }],
  ['response-property-summary', "a webhook trigger's own response (it answers the subscription)", (c) => {
    op(c, '/hooks', 'post').responses['201'].schema = { type: 'object', properties: { id: { type: 'string' } } };
  }],
  ['response-property-summary', 'an object property grouping labelled children (ACS SMS Events: data.to, data.from)', (c) => {
    c.swagger.definitions.Task.properties.owner = { type: 'object', properties: { email: { type: 'string', 'x-ms-summary': 'Owner Email', description: 'The owner.' } } };
  }],
  ['response-property-summary', 'schema of an error response only (Mastodon: 401/422 Error)', (c) => {
    c.swagger.definitions.Error = { type: 'object', properties: { error: { type: 'string', description: 'What went wrong.' } } };
    op(c).responses['404'] = { description: 'Not found.', schema: { $ref: '#/definitions/Error' } };
  }],
  ['security-connection-parameters', 'multi-auth OAuth kept in connectionParameterSets only', (c) => {
    c.swagger.securityDefinitions = {};
    c.swagger.security = [];
    c.properties!.properties.connectionParameters = {};
    c.properties!.properties.connectionParameterSets = {
      uiDefinition: { displayName: 'Authentication type', description: 'Choose how to sign in.' },
      values: [{ name: 'oauth', uiDefinition: { displayName: 'OAuth', description: 'Sign in with Microsoft Entra ID.' }, parameters: { token: { type: 'oauthSetting', oAuthSettings: { identityProvider: 'aad', clientId: 'x', scopes: [], redirectMode: 'GlobalPerConnector' }, uiDefinition: { constraints: { required: 'true' } } } } }],
    };
  }],
];

describe('connector rules', () => {
  it('registers every rule with an id, severity, description and a Microsoft docs page', () => {
    for (const rule of rules.values()) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it.each([...rules.keys()])('%s: the clean connector passes', (id) => {
    expect(runRule(id, cleanConnector()).map((d) => `${d.pointer}: ${d.message}`)).toEqual([]);
  });

  it('has a failing example for every rule with visitors', () => {
    const covered = new Set(failing.map(([id]) => id));
    // json-strict comes from the loader (bad-input.test.ts); icon rules need a folder (icons.test.ts).
    const missing = [...rules.keys()].filter((id) => !covered.has(id) && !['json-strict', 'icon-present', 'icon-format'].includes(id));
    expect(missing).toEqual([]);
  });

  it.each(silent)('%s stays silent: %s', (id, _name, mutate) => {
    const connector: Connector = cleanConnector();
    mutate(connector);
    expect(runRule(id, connector).map((d) => `${d.pointer}: ${d.message}`)).toEqual([]);
  });

  it.each(failing)('%s: %s', (id, _name, mutate, pointers) => {
    const connector: Connector = cleanConnector();
    mutate(connector);
    const found = runRule(id, connector);
    expect(found.every((d) => d.code === id)).toBe(true);
    expect(found.map((d) => d.pointer ?? '').sort()).toEqual([...pointers].sort());
    for (const d of found) if (d.code !== 'api-properties-missing' && d.code !== 'script-structure') expect(d.line).toBeGreaterThan(0);
  });
});
