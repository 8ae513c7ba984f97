export { SyntheticTenant, type TenantState, type TimeWindow } from './tenant.js';
export type { TenantOptions, ResolvedTenantOptions } from './options.js';
export { isGuid } from './options.js';
export type { ContentBlob } from './blobs.js';
export { contentIdFor, parseContentId } from './content-id.js';
export { formatCreationTime, formatContentTime, DAY_MS, HOUR_MS, MINUTE_MS } from './creation-time.js';
export { CONTENT_TYPES, type AuditRecord, type ContentType } from './records/audit-record.js';
export type { TenantApp, TenantUser, TenantEnvironment, TenantCatalog } from './catalog.js';
