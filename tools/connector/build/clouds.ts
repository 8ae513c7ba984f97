import { InputError, UsageError } from '../../core/errors.js';
import type { CloudEndpoint, CloudName, ConnectorSource } from './source-types.js';

/**
 * What differs between the Microsoft clouds a connector is deployed to, apart from the API's own
 * host (which each source declares). Login hosts follow the CoE Starter Kit's environment-variable
 * table (MicrosoftDocs/power-platform: guidance/coe/setup-auditlog-http.md); Power Apps API hosts
 * are the ones Microsoft.PowerApps.Administration.PowerShell uses per endpoint (prod, usgov,
 * usgovhigh, dod), which paconn reads from settings.json `powerAppsUrl`.
 */
export interface CloudProfile {
  name: CloudName;
  displayName: string;
  /** Azure AD authority the connection signs in through. */
  login: string;
  /** paconn settings.json powerAppsUrl. */
  powerAppsUrl: string;
  /**
   * The global OAuth redirect URL of custom connectors, where it is documented; in GCC High and
   * DoD the platform assigns it on import (left out rather than guessed).
   */
  redirectUrl?: string;
}

export const CLOUDS: Readonly<Record<CloudName, CloudProfile>> = {
  public: { name: 'public', displayName: 'Commercial', login: 'https://login.windows.net', powerAppsUrl: 'https://api.powerapps.com', redirectUrl: 'https://global.consent.azure-apim.net/redirect' },
  gcc: { name: 'gcc', displayName: 'US Government (GCC)', login: 'https://login.windows.net', powerAppsUrl: 'https://gov.api.powerapps.us', redirectUrl: 'https://global.consent.azure-apim.net/redirect' },
  gcch: { name: 'gcch', displayName: 'US Government (GCC High)', login: 'https://login.microsoftonline.us', powerAppsUrl: 'https://high.api.powerapps.us' },
  dod: { name: 'dod', displayName: 'US Government (DoD)', login: 'https://login.microsoftonline.us', powerAppsUrl: 'https://api.apps.appsplatform.us' },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

/** A source's endpoint in one cloud joined with that cloud's profile. */
export interface ResolvedCloud extends CloudProfile {
  host: string;
  resource?: string;
}

export function resolveCloud(source: ConnectorSource, cloud: CloudName, file: string, at?: { line: number; column: number }): ResolvedCloud {
  const endpoint: CloudEndpoint | undefined = source.clouds[cloud];
  if (!endpoint) {
    throw new InputError(`this source has no "${cloud}" cloud (it declares: ${Object.keys(source.clouds).join(', ')})`, { file, pointer: '/clouds', ...at });
  }
  const profile = CLOUDS[cloud];
  return { ...profile, login: endpoint.login ?? profile.login, host: endpoint.host, resource: endpoint.resource };
}

export function parseCloudName(value: string): CloudName {
  if ((CLOUD_NAMES as string[]).includes(value)) return value as CloudName;
  throw new UsageError(`unknown cloud "${value}": expected one of ${CLOUD_NAMES.join(', ')}`);
}
