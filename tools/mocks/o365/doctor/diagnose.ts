import type { TroubleshootingId } from './troubleshooting.js';

export interface ApiAnswer {
  status: number;
  code?: string;
  message?: string;
}

/** Maps a token-endpoint error (AADSTS code) to the setup page's items. */
export function diagnoseTokenError(code: number | undefined, status: number): TroubleshootingId[] {
  switch (code) {
    case 90002:
      return ['wrong-tenant-id'];
    case 700016:
      return ['app-registration'];
    case 7000215:
    case 7000218:
      return ['connector-security'];
    case 500011:
      return ['resource-url'];
    default:
      return status === 0 ? [] : ['connector-security'];
  }
}

/**
 * Maps an API error to the setup page's items. `audienceMatches` is false when the token we got
 * names another audience than the API's (a Resource URL with extra characters).
 */
export function diagnoseApiError(answer: ApiAnswer, audienceMatches: boolean): TroubleshootingId[] {
  if (answer.status === 401 && !audienceMatches) return ['resource-url'];
  if (answer.code === 'AF10001') return ['no-permission'];
  if (answer.code === 'AF20010' || answer.code === 'AF20013') return ['wrong-tenant-id'];
  if (/DataServiceException: Tenant .* does not exist/.test(answer.message ?? '')) return ['audit-log-off', 'just-enabled'];
  return [];
}

/** Answers that count as success for a check (AF20024: the subscription is already on). */
export function isHealthy(check: string, answer: ApiAnswer): boolean {
  if (answer.status === 200) return true;
  return check === 'start-subscription' && answer.code === 'AF20024';
}
