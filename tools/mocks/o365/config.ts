import type { SyntheticTenant, TenantOptions } from '../tenant/index.js';

/** Documented defaults, so `ppkit mock o365` with no options is usable at once (tests and README use them). */
export const DEFAULT_TENANT_ID = '7d1b3c5e-9f2a-4b6c-8d0e-1a2b3c4d5e6f';
export const DEFAULT_CLIENT_ID = '0c5e7a1d-4f2b-4c8e-9a3d-6b1f2e8d7c90';
export const DEFAULT_CLIENT_SECRET = 'ppkit-mock-client-secret';
export const DEFAULT_RESOURCE = 'https://manage.office.com';
export const DEFAULT_LEGACY_USER = 'auditadmin@contoso.example';
export const DEFAULT_LEGACY_PASSWORD = 'ppkit-mock-password';

/** Fault knobs; all off by default. They can be changed while the mock runs (`mock.faults.x = ...`). */
export interface FaultOptions {
  /** Share of API requests answered with AF429 (HTTP 403), as throttling does. */
  throttleRate?: number;
  /** Requests per minute per tenant and publisher before AF429 (the real baseline is 2,000); unset = no quota. */
  quotaPerMinute?: number;
  /** Share of API requests answered with AF50000 (HTTP 500). */
  serverErrorRate?: number;
  /** Added latency per request, in real milliseconds: a number or [min, max]. */
  latencyMs?: number | [number, number];
  /** Share of records the pipeline stores twice (tenant option duplicateRate). Applied when the mock creates its tenant. */
  duplicateRate?: number;
  /** Share of records that arrive 3–30 h late (tenant option lateArrivalRate). Applied when the mock creates its tenant. */
  lateContentRate?: number;
  /** Share of listed blobs that answer AF20051 (expired) when fetched. */
  expiredBlobRate?: number;
  /** Unified audit logging for the tenant: off gives the service's "Tenant … does not exist" error on every API call. */
  auditLog?: 'on' | 'off';
  /** When audit logging was turned on (ISO); until 60 minutes after it, the API answers as if it were off. */
  auditLogEnabledAt?: string;
}

export interface LegacyUser {
  userName: string;
  password: string;
  /** Has the audit-log role (View-Only Audit Logs); without it the legacy endpoint answers 403. */
  auditAccess: boolean;
}

export interface O365MockOptions {
  port?: number;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Seed of the synthetic tenant (same as tenant.seed). */
  seed?: string | number;
  /** Options for the synthetic tenant, or a tenant built by the caller. */
  tenant?: TenantOptions | SyntheticTenant;
  /** Load the tenant and subscriptions from this file if it exists; save them there on stop. */
  stateFile?: string;
  faults?: FaultOptions;
  /** The clock. Simulations pass a fake one; everything time-based reads it. */
  now?: () => Date;
  /** The API's resource URL / token audience (default https://manage.office.com). */
  resource?: string;
  /** Application permissions granted (admin-consented) to the app registration. */
  appPermissions?: string[];
  /** Delegated permissions for authorization-code tokens. */
  delegatedPermissions?: string[];
  /** Redirect URIs registered on the app; unset = any. */
  redirectUris?: string[];
  /** The user the authorize endpoint signs in (auto-consent). */
  signedInUser?: string;
  legacyUsers?: LegacyUser[];
  /** Blobs per /content page before NextPageUri (the service's size is undocumented). */
  pageSize?: number;
  /** Minutes a new /start must wait after the last one (documented: 15; 0 turns the limit off). */
  startCooldownMinutes?: number;
  /** Hours of content before the first /start that a new subscription can list (observed back-fill about 22 h). */
  backfillHours?: number;
  /** Accept http:// webhook addresses (the real service requires HTTPS; local tests cannot). */
  allowHttpWebhooks?: boolean;
  tokenLifetimeSeconds?: number;
  /** One line per request (method, path without query, status); never tokens or secrets. */
  log?: (line: string) => void;
}
