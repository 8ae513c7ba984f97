import type { TenantApp, TenantUser } from '../catalog.js';
import { formatCreationTime } from '../creation-time.js';
import { RecordType, type AuditRecord } from './audit-record.js';

/** Power Apps operations the tenant emits; the CoE flows read LaunchPowerApp (and DeletePowerApp, PowerAppPermissionEdited). */
export type PowerAppsOperation = 'LaunchPowerApp' | 'CreatePowerApp' | 'UpdatePowerApp' | 'PublishPowerApp' | 'PowerAppPermissionEdited' | 'DeletePowerApp';

export type PowerAppsSchema = 'legacy' | 'current';

export interface PowerAppsEvent {
  id: string;
  timeMs: number;
  operation: PowerAppsOperation;
  user: TenantUser;
  app: Pick<TenantApp, 'id' | 'displayName' | 'environment'>;
  ip: string;
}

/**
 * A Power Apps audit record. `legacy`: RecordType 45 PowerAppsApp with AppName (the app GUID) and
 * AdditionalInfo (a JSON object serialised as a string; its inner keys are not documented, so
 * `environmentName` here is an assumption). `current`: RecordType 256 with PropertyCollection
 * name/value pairs as documented on "Power Apps activity logging".
 */
export function powerAppsRecord(event: PowerAppsEvent, tenantId: string, schema: PowerAppsSchema): AuditRecord {
  // Most of a tenant's records are legacy Power Apps launches: written in one literal (same key
  // order as the common fields then the legacy ones), AdditionalInfo serialised once per environment.
  if (schema === 'legacy') {
    return {
      Id: event.id,
      CreationTime: formatCreationTime(event.timeMs),
      Operation: event.operation,
      OrganizationId: tenantId,
      UserType: 0,
      UserKey: event.user.objectId,
      Version: 1,
      ResultStatus: 'Succeeded',
      UserId: event.user.upn,
      RecordType: RecordType.PowerAppsApp,
      Workload: 'PowerApps',
      ObjectId: event.app.id,
      ClientIP: event.ip,
      AppName: event.app.id,
      AdditionalInfo: additionalInfo(event.app.environment.name),
    };
  }
  const common = {
    Id: event.id,
    CreationTime: formatCreationTime(event.timeMs),
    Operation: event.operation,
    OrganizationId: tenantId,
    UserType: 0,
    UserKey: event.user.objectId,
    Version: 1,
    ResultStatus: 'Succeeded',
    UserId: event.user.upn,
  };
  return {
    ...common,
    RecordType: RecordType.PowerPlatformAdministratorActivity,
    Workload: 'PowerPlatform',
    RequiresCustomerKeyEncryption: false,
    PropertyCollection: [
      { Name: 'version', Value: '1.0' },
      { Name: 'type', Value: 'PowerPlatformAdministratorActivityRecord' },
      { Name: 'powerplatform.analytics.resource.type', Value: 'PowerApp' },
      { Name: 'powerplatform.analytics.resource.power_app.id', Value: event.app.id },
      { Name: 'powerplatform.analytics.resource.power_app.display_name', Value: event.app.displayName },
      { Name: 'powerplatform.analytics.resource.environment.name', Value: event.app.environment.displayName },
      { Name: 'powerplatform.analytics.resource.environment.id', Value: event.app.environment.name.toLowerCase() },
      { Name: 'powerplatform.analytics.resource.tenant.id', Value: tenantId },
      { Name: 'powerplatform.analytics.activity.name', Value: event.operation },
      { Name: 'powerplatform.analytics.operation.is_successful', Value: 'True' },
      { Name: 'enduser.id', Value: event.user.objectId },
      { Name: 'enduser.principal_name', Value: event.user.upn },
      { Name: 'enduser.ip_address', Value: event.ip },
    ],
  };
}

const additionalInfos = new Map<string, string>();

/** The legacy AdditionalInfo text of an environment (a tenant has a handful: cached). */
function additionalInfo(environmentName: string): string {
  let text = additionalInfos.get(environmentName);
  if (text === undefined) {
    if (additionalInfos.size >= 1000) additionalInfos.clear();
    additionalInfos.set(environmentName, (text = JSON.stringify({ environmentName })));
  }
  return text;
}
