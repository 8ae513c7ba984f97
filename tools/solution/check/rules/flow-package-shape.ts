import type { SolutionRule } from '../context.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A legacy flow package ("My flows > Import"): manifest.json lists resources; each flow asset in
 * Microsoft.Flow/flows/manifest.json has definition.json, apisMap.json and connectionsMap.json;
 * the maps cover exactly the flow's connections and point at resources of the manifest.
 */
export const flowPackageShape: SolutionRule = {
  id: 'flow-package-shape',
  severity: 'error',
  description: 'a flow package has its manifest, assets and connection maps in agreement',
  docsUrl: 'https://learn.microsoft.com/en-us/power-automate/export-import-flow-non-solution',
  check(context) {
    const manifest = context.json.get('manifest.json');
    const flowsManifest = context.json.get('Microsoft.Flow/flows/manifest.json');
    if (!isObject(manifest)) return context.report({ entry: 'manifest.json', message: 'manifest.json is missing or not a JSON object' });
    if (!isObject(manifest.resources)) context.report({ entry: 'manifest.json', path: ['resources'], message: 'manifest.json has no resources' });
    if (!isObject(manifest.details) || typeof manifest.details.displayName !== 'string') context.report({ entry: 'manifest.json', path: ['details'], message: 'manifest.json has no details.displayName' });
    const resources = isObject(manifest.resources) ? manifest.resources : {};
    const assets = isObject(flowsManifest) && isObject(flowsManifest.flowAssets) && Array.isArray(flowsManifest.flowAssets.assetPaths) ? flowsManifest.flowAssets.assetPaths : undefined;
    if (!assets) return context.report({ entry: 'Microsoft.Flow/flows/manifest.json', message: 'expected flowAssets.assetPaths' });
    for (const [id, resource] of Object.entries(resources)) {
      const dependsOn = isObject(resource) && Array.isArray(resource.dependsOn) ? resource.dependsOn : [];
      for (const dependency of dependsOn) if (typeof dependency !== 'string' || !(dependency in resources)) context.report({ entry: 'manifest.json', path: ['resources', id, 'dependsOn'], message: `resource ${id} depends on ${String(dependency)}, which is not in the manifest` });
    }
    for (const asset of assets) {
      const base = `Microsoft.Flow/flows/${String(asset)}`;
      if (!isObject(resources[String(asset)])) context.report({ entry: 'manifest.json', path: ['resources'], message: `flow asset ${String(asset)} has no resource in manifest.json` });
      const definition = context.json.get(`${base}/definition.json`);
      if (!isObject(definition)) {
        context.report({ entry: `${base}/definition.json`, message: 'definition.json is missing or not a JSON object' });
        continue;
      }
      const properties = isObject(definition.properties) ? definition.properties : {};
      if (!isObject(properties.definition)) context.report({ entry: `${base}/definition.json`, path: ['properties'], message: 'definition.json has no properties.definition' });
      const connections = Object.keys(isObject(properties.connectionReferences) ? properties.connectionReferences : {}).sort();
      // Exports of a flow with no connections may leave both maps out (e.g. pnp/powerautomate-samples
      // always-reply-to-request): there is nothing to map, so only a present map has to be well formed.
      const mapOf = (name: string) => {
        const entry = `${base}/${name}`;
        const value = context.json.get(entry);
        if (value === undefined && connections.length === 0 && !context.files.has(entry)) return {};
        return value;
      };
      const apisMap = mapOf('apisMap.json');
      const connectionsMap = mapOf('connectionsMap.json');
      for (const [name, value] of [['apisMap.json', apisMap], ['connectionsMap.json', connectionsMap]] as const) {
        if (!isObject(value)) context.report({ entry: `${base}/${name}`, message: `${name} is missing or not a JSON object` });
      }
      if (!isObject(apisMap) || !isObject(connectionsMap)) continue;
      for (const [name, map] of [['apisMap.json', apisMap], ['connectionsMap.json', connectionsMap]] as const) {
        const keys = Object.keys(map).sort();
        if (keys.join() !== connections.join()) context.report({ entry: `${base}/${name}`, message: `keys (${keys.join(', ')}) differ from the flow's connections (${connections.join(', ')})` });
        for (const [key, id] of Object.entries(map)) if (typeof id !== 'string' || !isObject(resources[id])) context.report({ entry: `${base}/${name}`, path: [key], message: `${key} points at ${String(id)}, which is not a resource of manifest.json` });
      }
    }
  },
};
