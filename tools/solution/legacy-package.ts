import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { componentGuid } from '../core/ids.js';
import { parseJsonText } from '../core/read-input.js';
import { stableStringify } from '../core/stable-json.js';
import { reproducibleDate, writeZipFile, type WriteZipOptions } from '../zip/index.js';
import { findSecrets } from './secrets.js';

/** Display names of the connectors a legacy flow may use, for the import page. */
const KNOWN_APIS: Record<string, string> = {
  shared_commondataserviceforapps: 'Microsoft Dataverse',
  shared_office365: 'Office 365 Outlook',
  shared_office365users: 'Office 365 Users',
  shared_logicflows: 'Power Automate',
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

export interface LegacyPackageOptions {
  /** Display names of custom connectors by api name (`shared_admin-5f...`). */
  connectorNames?: Record<string, string>;
  description?: string;
}

/**
 * The Power Automate package ("My flows > Import") for a flow outside any solution, in the export
 * format: manifest.json and Microsoft.Flow/flows/<package id>/{apisMap,connectionsMap,definition}.json,
 * plus Microsoft.Flow/flows/manifest.json. `definition` is the flow as `ppkit flow render` writes a
 * legacy flow (name, id, type, properties with connectionReferences {connectionName, source, id, tier}).
 * Ids are derived from names, so the package is byte-identical from one build to the next.
 */
export function legacyPackageEntries(definition: Json, options: LegacyPackageOptions = {}, date = reproducibleDate()): { name: string; data: Buffer }[] {
  const properties = isObject(definition.properties) ? definition.properties : undefined;
  if (!properties || !isObject(properties.definition)) throw new InputError('not a legacy flow: expected properties.definition');
  const displayName = typeof properties.displayName === 'string' ? properties.displayName : String(definition.name ?? 'Flow');
  const packageId = componentGuid('legacy-package', displayName);
  const references = isObject(properties.connectionReferences) ? properties.connectionReferences : {};
  const apisMap: Record<string, string> = {};
  const connectionsMap: Record<string, string> = {};
  const resources: Record<string, Json> = {};
  const flowDependsOn: string[] = [];
  for (const key of Object.keys(references).sort()) {
    const reference = references[key];
    const apiId = isObject(reference) && typeof reference.id === 'string' ? reference.id : `/providers/Microsoft.PowerApps/apis/${key}`;
    const apiName = apiId.slice(apiId.lastIndexOf('/') + 1);
    const apiResource = componentGuid('legacy-package-api', `${displayName}:${key}`);
    const connectionResource = componentGuid('legacy-package-connection', `${displayName}:${key}`);
    apisMap[key] = apiResource;
    connectionsMap[key] = connectionResource;
    const apiDisplay = options.connectorNames?.[apiName] ?? KNOWN_APIS[apiName] ?? apiName;
    resources[apiResource] = {
      id: apiId,
      name: apiName,
      type: 'Microsoft.PowerApps/apis',
      suggestedCreationType: 'Existing',
      details: { displayName: apiDisplay },
      configurableBy: 'System',
      hierarchy: 'Child',
      dependsOn: [],
    };
    resources[connectionResource] = {
      type: 'Microsoft.PowerApps/apis/connections',
      suggestedCreationType: 'Existing',
      creationType: 'Existing',
      details: { displayName: `${apiDisplay} connection` },
      configurableBy: 'User',
      hierarchy: 'Child',
      dependsOn: [apiResource],
    };
    flowDependsOn.push(apiResource, connectionResource);
  }
  const manifest = {
    schema: '1.0',
    details: {
      displayName,
      description: options.description ?? '',
      createdTime: date.toISOString(),
      packageTelemetryId: componentGuid('legacy-package-telemetry', displayName),
      creator: 'ppkit',
      sourceEnvironment: '',
    },
    resources: {
      [packageId]: {
        type: 'Microsoft.Flow/flows',
        suggestedCreationType: 'New',
        creationType: 'Existing, New, Update',
        details: { displayName },
        configurableBy: 'User',
        hierarchy: 'Root',
        dependsOn: flowDependsOn,
      },
      ...resources,
    },
  };
  const json = (value: unknown) => Buffer.from(stableStringify(value));
  const base = `Microsoft.Flow/flows/${packageId}`;
  return [
    { name: `${base}/apisMap.json`, data: json(apisMap) },
    { name: `${base}/connectionsMap.json`, data: json(connectionsMap) },
    { name: `${base}/definition.json`, data: json(definition) },
    { name: 'Microsoft.Flow/flows/manifest.json', data: json({ packageSchemaVersion: '1.0', flowAssets: { assetPaths: [packageId] } }) },
    { name: 'manifest.json', data: json(manifest) },
  ];
}

/** The legacy flow `ppkit flow render` wrote into `<flowsDir>/legacy/` (exactly one expected). */
export function findLegacyFlow(flowsDir: string): string {
  const folder = join(flowsDir, 'legacy');
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.json')).sort() : [];
  if (files.length !== 1) throw new InputError(`expected one legacy flow in ${folder}, found ${files.length}: run \`ppkit flow render\` first`, { file: folder });
  return join(folder, files[0]!);
}

/** Writes the legacy flow package (Flow-SyncAuditLogs.zip) from a rendered legacy flow file. */
export async function writeLegacyPackage(flowFile: string, zipPath: string, options: LegacyPackageOptions = {}, zipOptions: WriteZipOptions = {}): Promise<number> {
  const definition = parseJsonText(readFileSync(flowFile, 'utf8'), flowFile);
  if (!isObject(definition)) throw new InputError('expected a JSON object', { file: flowFile });
  const entries = legacyPackageEntries(definition, options, zipOptions.date);
  const secrets = findSecrets(new Map(entries.map((e) => [e.name, e.data])));
  if (secrets.length > 0) throw new InputError(`refusing to package a flow holding a secret (${secrets[0]!.where})`, { file: flowFile });
  return (await writeZipFile(zipPath, entries, zipOptions)).length;
}

/** Display names of the solution's custom connectors by api name, from solution.yaml's connection references. */
export function connectorNamesFrom(source: { connector?: { name: string; displayName: string }; connectionReferences: { connectorId: string; customConnector?: string }[] }): Record<string, string> {
  const names: Record<string, string> = {};
  for (const reference of source.connectionReferences) {
    if (reference.customConnector && source.connector && reference.customConnector === source.connector.name) {
      names[reference.connectorId.slice(reference.connectorId.lastIndexOf('/') + 1)] = source.connector.displayName;
    }
  }
  return names;
}
