import type { SyntheticTenant } from '../tenant/index.js';
import type { FaultOptions, LegacyUser } from './config.js';
import type { FaultInjector } from './faults.js';
import type { SubscriptionStore } from './subscriptions.js';

export interface AuthGrant {
  clientId: string;
  resource: string;
  redirectUri?: string;
  scopeText?: string;
  version: '1.0' | '2.0';
  expiresMs: number;
}

/** Everything a route needs: settings, the tenant, the clock, and the mock's mutable state. */
export interface MockContext {
  tenantId: string;
  clientId: string;
  /** Compared, never logged or echoed. */
  clientSecret: string;
  resource: string;
  appPermissions: string[];
  delegatedPermissions: string[];
  redirectUris?: string[];
  signedInUser: string;
  legacyUsers: LegacyUser[];
  pageSize: number;
  startCooldownMs: number;
  backfillMs: number;
  allowHttpWebhooks: boolean;
  tokenLifetimeSeconds: number;
  tenant: SyntheticTenant;
  faults: FaultOptions;
  injector: FaultInjector;
  subscriptions: SubscriptionStore;
  signingKey: Buffer;
  /** Authorization codes and refresh tokens handed out (single-use codes). */
  codes: Map<string, AuthGrant>;
  refreshTokens: Map<string, AuthGrant>;
  /** Secret for the opaque nextPage tokens. */
  pagingKey: Buffer;
  now(): Date;
  /** `http://127.0.0.1:<port>`: the root of contentUri and NextPageUri values. */
  baseUrl: string;
}
