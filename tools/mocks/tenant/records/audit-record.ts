/**
 * The common audit schema (EntityType AuditRecord) every record carries, as the Management Activity
 * API returns it. Workload-specific fields are added by the builders beside this file.
 */
export interface AuditRecord {
  Id: string;
  RecordType: number;
  /** UTC without zone, seconds precision: "2015-06-29T20:03:19". */
  CreationTime: string;
  Operation: string;
  OrganizationId: string;
  UserType: number;
  UserKey: string;
  Workload: string;
  ResultStatus?: string;
  ObjectId?: string;
  UserId: string;
  ClientIP?: string | null;
  Version?: number;
  [field: string]: unknown;
}

export type ContentType = 'Audit.AzureActiveDirectory' | 'Audit.Exchange' | 'Audit.SharePoint' | 'Audit.General' | 'DLP.All';

/** The five content types, case as the service spells them. */
export const CONTENT_TYPES: readonly ContentType[] = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'];

/** RecordType values used by the synthetic tenant (AuditLogRecordType, schema doc). */
export const RecordType = {
  ExchangeItemAggregated: 50,
  SharePointFileOperation: 6,
  AzureActiveDirectoryStsLogon: 15,
  ComplianceDLPSharePoint: 11,
  MicrosoftFlow: 30,
  PowerAppsApp: 45,
  PowerPlatformAdministratorActivity: 256,
} as const;

/** Documentation-range client addresses (RFC 5737), so no real address ever appears. */
export function clientIp(seedNumber: number): string {
  const nets = ['203.0.113', '198.51.100', '192.0.2'];
  return `${nets[seedNumber % nets.length]}.${(seedNumber % 250) + 2}`;
}
