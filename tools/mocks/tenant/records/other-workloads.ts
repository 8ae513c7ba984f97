import type { TenantUser } from '../catalog.js';
import { formatCreationTime } from '../creation-time.js';
import { RecordType, type AuditRecord, type ContentType } from './audit-record.js';

/** Background activity of the other workloads, so every content type has realistic blobs. */
export interface WorkloadEvent {
  id: string;
  timeMs: number;
  user: TenantUser;
  ip: string;
  /** A stable per-event number for object names. */
  serial: number;
}

export interface WorkloadKind {
  contentType: ContentType;
  /** Relative share of background events. */
  weight: number;
  build(event: WorkloadEvent, tenantId: string, domain: string): AuditRecord;
}

const base = (event: WorkloadEvent, tenantId: string) => ({
  Id: event.id,
  CreationTime: formatCreationTime(event.timeMs),
  OrganizationId: tenantId,
  UserType: 0,
  UserKey: event.user.objectId,
  UserId: event.user.upn,
  Version: 1,
});

/** One entry per workload family; the tenant draws background events from this table by weight. */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  {
    contentType: 'Audit.SharePoint',
    weight: 5,
    build: (e, tenantId, domain) => ({
      ...base(e, tenantId),
      RecordType: RecordType.SharePointFileOperation,
      Operation: e.serial % 3 === 0 ? 'FileModified' : 'FileAccessed',
      Workload: 'SharePoint',
      ResultStatus: 'Succeeded',
      ClientIP: e.ip,
      ObjectId: `https://${domain.split('.')[0]}.sharepoint.com/sites/team/Shared Documents/report-${e.serial % 97}.docx`,
      SourceFileName: `report-${e.serial % 97}.docx`,
      SiteUrl: `https://${domain.split('.')[0]}.sharepoint.com/sites/team/`,
      ItemType: 'File',
    }),
  },
  {
    contentType: 'Audit.Exchange',
    weight: 4,
    build: (e, tenantId) => ({
      ...base(e, tenantId),
      RecordType: RecordType.ExchangeItemAggregated,
      Operation: 'MailItemsAccessed',
      Workload: 'Exchange',
      ResultStatus: 'Succeeded',
      ClientIP: e.ip,
      ObjectId: '',
      MailboxOwnerUPN: e.user.upn,
      OperationCount: 1 + (e.serial % 9),
    }),
  },
  {
    contentType: 'Audit.AzureActiveDirectory',
    weight: 3,
    build: (e, tenantId) => ({
      ...base(e, tenantId),
      RecordType: RecordType.AzureActiveDirectoryStsLogon,
      Operation: 'UserLoggedIn',
      Workload: 'AzureActiveDirectory',
      ResultStatus: 'Success',
      ClientIP: e.ip,
      ObjectId: '00000003-0000-0ff1-ce00-000000000000',
      AzureActiveDirectoryEventType: 1,
      ApplicationId: '00000003-0000-0ff1-ce00-000000000000',
    }),
  },
  {
    contentType: 'Audit.General',
    weight: 1,
    build: (e, tenantId) => ({
      ...base(e, tenantId),
      RecordType: RecordType.MicrosoftFlow,
      Operation: e.serial % 4 === 0 ? 'CreateFlow' : 'EditFlow',
      Workload: 'MicrosoftFlow',
      ResultStatus: 'Succeeded',
      ClientIP: e.ip,
      ObjectId: `${e.serial.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      UserUPN: e.user.upn,
      UserTypeInitiated: 1,
      FlowConnectorNames: 'Office 365 Outlook, Microsoft Dataverse',
    }),
  },
  {
    contentType: 'DLP.All',
    weight: 0.1,
    build: (e, tenantId, domain) => ({
      ...base(e, tenantId),
      RecordType: RecordType.ComplianceDLPSharePoint,
      Operation: 'DlpRuleMatch',
      Workload: 'SharePoint',
      ClientIP: e.ip,
      ObjectId: `https://${domain.split('.')[0]}.sharepoint.com/sites/finance/cards-${e.serial % 13}.xlsx`,
      PolicyDetails: [{ PolicyName: 'Credit card numbers', Rules: [{ RuleName: 'Card numbers, low volume', Severity: 'Low' }] }],
    }),
  },
];
