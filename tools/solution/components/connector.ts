import { componentGuid } from '../../core/ids.js';
import { stableStringify } from '../../core/stable-json.js';
import { el, textEl, type XmlElement } from '../../xml/index.js';
import type { ConnectorSource } from '../model.js';

/** The built connector as `ppkit connector build` writes it (apiDefinition.swagger.json, apiProperties.json, icon.png). */
export interface ConnectorBuild {
  swagger: Buffer;
  apiProperties: unknown;
  icon?: Buffer;
}

export function connectorGuid(name: string): string {
  return componentGuid('connector', name);
}

/** Keys whose values are secrets: they are never written into a solution, whatever the input holds. */
export const SECRET_KEYS = new Set(['clientsecret', 'client_secret', 'password', 'secret', 'apikey', 'accesstoken', 'refreshtoken']);

/**
 * Deep copy of `value` without secret values: a secret-named key holding a string is dropped. A key
 * holding an object stays: `"password": {"type": "securestring", ...}` defines a connection
 * parameter, it is not a value.
 */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEYS.has(key.toLowerCase()) && typeof inner === 'string') continue;
      copy[key] = withoutSecrets(inner);
    }
    return copy;
  }
  return value;
}

export interface ConnectorParts {
  element: XmlElement;
  files: { name: string; data: Buffer }[];
}

/**
 * The custom connector as a solution carries it: a `<Connector>` element in customizations.xml that
 * points at `/Connector/<name>_openapidefinition.json`, `_connectionparameters.json`,
 * `_policytemplateinstances.json` and `_iconblob.Png`. The OAuth client secret is not among them:
 * Power Platform asks for it again after import.
 */
export function connectorParts(source: ConnectorSource, build: ConnectorBuild): ConnectorParts {
  const properties = ((build.apiProperties as { properties?: Record<string, unknown> })?.properties ?? {}) as Record<string, unknown>;
  const swagger = JSON.parse(build.swagger.toString('utf8')) as { info?: { description?: string; title?: string } };
  const base = `Connector/${source.name}`;
  const files = [
    { name: `${base}_openapidefinition.json`, data: build.swagger },
    { name: `${base}_connectionparameters.json`, data: Buffer.from(stableStringify(withoutSecrets(properties.connectionParameters ?? {}))) },
    { name: `${base}_policytemplateinstances.json`, data: Buffer.from(stableStringify(withoutSecrets(properties.policyTemplateInstances ?? []))) },
  ];
  if (build.icon) files.push({ name: `${base}_iconblob.Png`, data: build.icon });
  const element = el('Connector', {}, [
    textEl('connectorid', connectorGuid(source.name)),
    textEl('description', swagger.info?.description ?? source.displayName),
    textEl('displayname', source.displayName),
    typeof properties.iconBrandColor === 'string' && textEl('iconbrandcolor', properties.iconBrandColor),
    textEl('name', source.name),
    textEl('connectortype', 1),
    textEl('openapidefinition', `/${files[0]!.name}`),
    textEl('connectionparameters', `/${files[1]!.name}`),
    textEl('policytemplateinstances', `/${files[2]!.name}`),
    build.icon !== undefined && textEl('iconblob', `/${base}_iconblob.Png`),
  ]);
  return { element, files };
}
