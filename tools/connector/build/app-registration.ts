import { InputError } from '../../core/errors.js';
import { readJsonFile } from '../../core/read-input.js';

/**
 * The Azure AD (Entra ID) app registration the Office 365 Management API connector signs in with:
 * which permissions of the "Office 365 Management APIs" resource it needs, as the CoE setup page
 * documents them (setup-auditlog: delegated ActivityFeed.Read; application ActivityFeed.Read and
 * ServiceHealth.Read; https://learn.microsoft.com/power-platform/guidance/coe/setup-auditlog).
 *
 * Identifiers are only printed when they are verified. As of this writing no public Microsoft
 * documentation was found that lists the resource's appId or these permission ids: Microsoft's
 * pages (get-started-with-office-365-management-apis, office-365-management-activity-api-reference,
 * the CoE setup pages) name the permissions but not their GUIDs, and the GUIDs that circulate come
 * from third-party scripts, some of which disagree. So this module never carries a GUID of its
 * own: `requiredResourceAccess` is built from the resource's service principal in the user's own
 * tenant (`--service-principal`, the JSON that `az ad sp show --id https://manage.office.com`
 * prints), which is authoritative by construction.
 */
export const MANAGEMENT_API_RESOURCE = {
  displayName: 'Office 365 Management APIs',
  /** The token resource (audience) the Microsoft documentation gives for the commercial cloud. */
  identifierUri: 'https://manage.office.com',
} as const;

export interface RequiredPermission {
  value: string;
  /** Entra ID resourceAccess type: Scope = delegated permission, Role = application permission. */
  type: 'Scope' | 'Role';
  kind: 'delegated' | 'application';
  why: string;
}

export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  { value: 'ActivityFeed.Read', type: 'Scope', kind: 'delegated', why: 'the connection signs in as the admin who creates it (authorization code flow)' },
  { value: 'ActivityFeed.Read', type: 'Role', kind: 'application', why: 'read audit content of the organization (all Audit.* content types)' },
  { value: 'ServiceHealth.Read', type: 'Role', kind: 'application', why: 'listed by the CoE setup page; used by the Service Communications API' },
];

/** The shape of a service principal as Graph and `az ad sp show` return it (the parts used). */
interface ServicePrincipal {
  appId?: unknown;
  displayName?: unknown;
  servicePrincipalNames?: unknown;
  appRoles?: { id?: unknown; value?: unknown; allowedMemberTypes?: unknown }[];
  oauth2PermissionScopes?: { id?: unknown; value?: unknown }[];
}

export interface AppRegistrationReport {
  resource: { displayName: string; identifierUri: string; resourceAppId: string | null };
  permissions: (RequiredPermission & { id: string | null })[];
  /** Paste into the app manifest (or `az rest`/Graph PATCH); null until the ids are known. */
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: 'Scope' | 'Role' }[] }[] | null;
  /** Where the ids came from, or why they are missing. */
  verification: string;
  /** How to get the ids from your own tenant. */
  lookup: string;
  /** The documented portal steps, which need no ids. */
  portalSteps: string[];
}

const LOOKUP_COMMAND = 'az ad sp show --id https://manage.office.com > office365-management-apis.json';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PORTAL_STEPS = [
  'Azure portal > Microsoft Entra ID > App registrations > New registration (any name, e.g. Microsoft 365 Management).',
  'API permissions > Add a permission > Office 365 Management APIs.',
  'Delegated permissions: ActivityFeed.Read.',
  'Application permissions: ActivityFeed.Read and ServiceHealth.Read. Then Add permissions.',
  'Grant admin consent for your organization.',
  'Certificates & secrets > New client secret: type it into the connector Security tab or pass it to paconn create --secret; never into a file.',
  "Add the connector's Redirect URL under Authentication > Web.",
];

/** The report without tenant data: names and steps, ids explicitly unverified. */
export function appRegistrationReport(servicePrincipalFile?: string): AppRegistrationReport {
  if (servicePrincipalFile) return reportFromServicePrincipal(servicePrincipalFile);
  return {
    resource: { ...MANAGEMENT_API_RESOURCE, resourceAppId: null },
    permissions: REQUIRED_PERMISSIONS.map((p) => ({ ...p, id: null })),
    requiredResourceAccess: null,
    verification:
      'unverified: no public Microsoft documentation lists the appId of Office 365 Management APIs or the ids of these permissions, so ppkit prints none rather than guess. Run the lookup command and pass its output with --service-principal to get requiredResourceAccess from your own tenant.',
    lookup: LOOKUP_COMMAND,
    portalSteps: PORTAL_STEPS,
  };
}

function reportFromServicePrincipal(file: string): AppRegistrationReport {
  const sp = readJsonFile(file) as ServicePrincipal;
  if (sp === null || typeof sp !== 'object' || Array.isArray(sp)) {
    throw new InputError(`expected the service principal JSON that "${LOOKUP_COMMAND.split(' >')[0]}" prints`, { file });
  }
  if (typeof sp.appId !== 'string' || !GUID.test(sp.appId)) throw new InputError('expected "appId", the GUID of the resource application', { file, pointer: '/appId' });
  const names = Array.isArray(sp.servicePrincipalNames) ? sp.servicePrincipalNames.map(String) : [];
  if (!names.some((n) => n.toLowerCase().replace(/\/$/, '') === MANAGEMENT_API_RESOURCE.identifierUri)) {
    throw new InputError(`this service principal is not the Office 365 Management APIs: its servicePrincipalNames do not include ${MANAGEMENT_API_RESOURCE.identifierUri}`, { file, pointer: '/servicePrincipalNames' });
  }
  const permissions = REQUIRED_PERMISSIONS.map((permission) => {
    const list = permission.type === 'Role' ? sp.appRoles : sp.oauth2PermissionScopes;
    const key = permission.type === 'Role' ? 'appRoles' : 'oauth2PermissionScopes';
    const match = (Array.isArray(list) ? list : []).find((entry) => entry?.value === permission.value);
    if (!match || typeof match.id !== 'string' || !GUID.test(match.id)) {
      throw new InputError(`no ${permission.kind} permission "${permission.value}" with a GUID id in ${key}`, { file, pointer: `/${key}` });
    }
    return { ...permission, id: match.id.toLowerCase() };
  });
  return {
    resource: { ...MANAGEMENT_API_RESOURCE, resourceAppId: sp.appId.toLowerCase() },
    permissions,
    requiredResourceAccess: [{ resourceAppId: sp.appId.toLowerCase(), resourceAccess: permissions.map((p) => ({ id: p.id, type: p.type })) }],
    verification: `from the service principal in ${file} (your tenant's own directory data)`,
    lookup: LOOKUP_COMMAND,
    portalSteps: PORTAL_STEPS,
  };
}

/** Human-readable form of the report. */
export function formatAppRegistration(report: AppRegistrationReport): string {
  const lines = [
    `Resource: ${report.resource.displayName} (${report.resource.identifierUri})`,
    `  appId: ${report.resource.resourceAppId ?? 'unverified (see below)'}`,
    'Permissions:',
    ...report.permissions.map((p) => `  ${p.kind.padEnd(11)} ${p.value.padEnd(18)} ${p.type.padEnd(5)} id: ${p.id ?? 'unverified'}  (${p.why})`),
    '',
  ];
  if (report.requiredResourceAccess) {
    lines.push('requiredResourceAccess (app manifest):', JSON.stringify(report.requiredResourceAccess, null, 2), '', `Source: ${report.verification}`);
  } else {
    lines.push(`requiredResourceAccess: not printed, ids ${report.verification}`, '', `Lookup: ${report.lookup}`, '        then: ppkit connector app-registration --service-principal office365-management-apis.json');
  }
  lines.push('', 'Portal steps (no ids needed):', ...report.portalSteps.map((s, i) => `  ${i + 1}. ${s}`));
  return `${lines.join('\n')}\n`;
}
