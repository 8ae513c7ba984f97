import type { ResolvedCloud } from './clouds.js';

/** The file names ppkit writes in each connector folder (paconn's defaults). */
export const CONNECTOR_FILES = {
  apiDefinition: 'apiDefinition.swagger.json',
  apiProperties: 'apiProperties.json',
  icon: 'icon.png',
  settings: 'settings.json',
} as const;

/**
 * settings.json in the layout paconn itself writes (paconn/settings/settingsserializer.py):
 * connectorId and environment are null until the connector exists (paconn asks for them, and
 * `paconn create` writes the new id back); powerAppsUrl selects the cloud.
 */
export function generateSettings(cloud: ResolvedCloud): Record<string, unknown> {
  return {
    connectorId: null,
    environment: null,
    apiProperties: CONNECTOR_FILES.apiProperties,
    apiDefinition: CONNECTOR_FILES.apiDefinition,
    icon: CONNECTOR_FILES.icon,
    powerAppsUrl: cloud.powerAppsUrl,
    powerAppsApiVersion: '2016-11-01',
  };
}
