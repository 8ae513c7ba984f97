import { timingSafeEqual } from 'node:crypto';
import type { MockContext } from '../context.js';
import { parseApiTime } from '../time-window.js';
import type { AuditRecord } from '../../tenant/index.js';

/** RecordType numbers to the names Search-UnifiedAuditLog prints. */
const RECORD_TYPE_NAMES: Record<number, string> = {
  6: 'SharePointFileOperation',
  11: 'ComplianceDLPSharePoint',
  15: 'AzureActiveDirectoryStsLogon',
  30: 'MicrosoftFlow',
  45: 'PowerAppsApp',
  50: 'ExchangeItemAggregated',
  256: 'PowerPlatformAdministratorActivity',
};

export interface LegacyAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const odataError = (status: number, code: string, message: string): LegacyAnswer => ({ status, body: { error: { code, message } } });

/**
 * `GET /psws/service.svc/UnifiedAuditLog?StartDate=&EndDate=&Operations=`: the Exchange Online
 * PowerShell web service behind the setup page's Option 2 (basic authentication). Answers OData
 * `{"value":[{..., "AuditData":"<record JSON as a string>"}]}` from the same synthetic tenant.
 */
export function unifiedAuditLog(context: MockContext, query: Map<string, string>, authorization: string | undefined): LegacyAnswer {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const at = decoded.indexOf(':');
  const userName = at < 0 ? '' : decoded.slice(0, at);
  const password = at < 0 ? '' : decoded.slice(at + 1);
  const user = context.legacyUsers.find((u) => u.userName.toLowerCase() === userName.toLowerCase());
  if (!user || !equalText(password, user.password)) {
    return { status: 401, body: { error: { code: 'Unauthorized', message: 'Access denied: the user name or password is incorrect.' } }, headers: { 'WWW-Authenticate': 'Basic realm="outlook.office365.com"' } };
  }
  if (!user.auditAccess) return odataError(403, 'Forbidden', `The user ${user.userName} does not have the View-Only Audit Logs or Audit Logs role needed to search the audit log.`);
  const startText = query.get('startdate');
  const endText = query.get('enddate');
  if (!startText || !endText) return odataError(400, 'BadRequest', 'The parameters StartDate and EndDate are required.');
  const from = parseApiTime(startText) ?? Date.parse(startText);
  const to = parseApiTime(endText) ?? Date.parse(endText);
  if (Number.isNaN(from) || Number.isNaN(to)) return odataError(400, 'BadRequest', 'StartDate and EndDate must be dates.');
  if (to <= from) return odataError(400, 'BadRequest', 'The EndDate must be later than the StartDate.');
  const nowMs = context.now().getTime();
  if (context.injector.auditLogUnavailable(nowMs)) return { status: 200, body: { value: [] } };
  const operations = (query.get('operations') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const sizeText = query.get('resultsize');
  const resultSize = Math.min(5000, Math.max(1, Math.floor(Number(sizeText ?? '100')) || 100));
  const command = query.get('sessioncommand');
  if (command !== undefined && command !== 'ReturnLargeSet' && command !== 'ReturnNextPreviewPage') return odataError(400, 'BadRequest', `SessionCommand must be ReturnLargeSet or ReturnNextPreviewPage, got "${command}".`);
  // A session returns at most 50,000 results with ReturnLargeSet, 5,000 with ReturnNextPreviewPage.
  const sessionLimit = command === 'ReturnLargeSet' ? 50_000 : 5_000;
  const all = context.tenant.searchRecords({ from, to }, { now: nowMs, operations }).slice(0, sessionLimit);
  const sessionId = query.get('sessionid');
  let offset = 0;
  if (sessionId) {
    // The same SessionId returns the next page on each call, until an empty page.
    const sessions = sessionsOf(context);
    const key = `${user.userName.toLowerCase()}|${sessionId}`;
    offset = sessions.get(key) ?? 0;
    sessions.set(key, Math.min(all.length, offset + resultSize));
  }
  const page = all.slice(offset, offset + resultSize);
  return {
    status: 200,
    body: {
      '@odata.context': `${context.baseUrl}/psws/service.svc/$metadata#UnifiedAuditLog`,
      value: page.map((record, index) => legacyRow(record, offset + index, all.length)),
    },
  };
}

const legacySessions = new WeakMap<MockContext, Map<string, number>>();

function sessionsOf(context: MockContext): Map<string, number> {
  let sessions = legacySessions.get(context);
  if (!sessions) legacySessions.set(context, (sessions = new Map()));
  return sessions;
}

/** One result row as Search-UnifiedAuditLog returns it; ResultIndex is 1-based over the whole session. */
function legacyRow(record: AuditRecord, index: number, count: number): Record<string, unknown> {
  return {
    RecordType: RECORD_TYPE_NAMES[record.RecordType] ?? String(record.RecordType),
    CreationDate: `${record.CreationTime}Z`,
    UserIds: record.UserId,
    Operations: record.Operation,
    AuditData: JSON.stringify(record),
    ResultIndex: index + 1,
    ResultCount: count,
    Identity: record.Id,
    IsValid: true,
    ObjectState: 'Unchanged',
  };
}
