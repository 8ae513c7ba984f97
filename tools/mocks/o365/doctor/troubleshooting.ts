/**
 * The setup page's troubleshooting list ("If you don't see a (200) response…"), one entry per item,
 * in the page's order. The doctor names these ids in its findings.
 */
export const TROUBLESHOOTING = {
  'audit-log-off': 'Are audit logs enabled? Turn on audit log search (Microsoft Purview > Audit).',
  'no-permission': 'Does the app have permission to read the audit log? Grant ActivityFeed.Read (application and delegated) on Office 365 Management APIs and grant admin consent.',
  'just-enabled': 'Was the audit log enabled very recently? It takes up to 60 minutes to activate; try again later.',
  'wrong-tenant-id': 'Is the Tenant the directory (tenant) ID from the app registration overview?',
  'resource-url': 'Is the Resource URL exactly https://manage.office.com, with no added spaces or characters at the end?',
  'app-registration': 'Does the Azure AD app registration exist with this application (client) ID? Follow the app registration steps again.',
  'connector-security': "Were the connector's security settings updated (client id and client secret of the app registration, step 6)?",
} as const;

export type TroubleshootingId = keyof typeof TROUBLESHOOTING;
