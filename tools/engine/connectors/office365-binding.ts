import { ActionFailure } from '../errors.js';
import { assembleBody, joinUrl } from './parameter-body.js';
import type { BuiltRequest } from './swagger-request.js';

export const OFFICE365_API = 'shared_office365';

/**
 * Office 365 Outlook's send operations as the connector's swagger defines them: SendEmailV2
 * `POST /v2/Mail` and the older SendEmail `POST /Mail`, body = the `emailMessage` object built
 * from `emailMessage/To`, `emailMessage/Subject`, `emailMessage/Body`...
 */
export function office365Request(operationId: string, parameters: Record<string, unknown>, baseUrl: string): BuiltRequest {
  const path = operationId === 'SendEmailV2' ? '/v2/Mail' : operationId === 'SendEmail' ? '/Mail' : undefined;
  if (!path) throw new ActionFailure('OperationNotFound', `The built-in Office 365 Outlook binding has no operation '${operationId}' (it has SendEmailV2, SendEmail); give the connector's swagger in the connections map for others.`);
  const message = assembleBody(parameters, 'emailMessage');
  if (!message || typeof message !== 'object') throw new ActionFailure('BadRequest', `The operation '${operationId}' needs 'emailMessage/To', 'emailMessage/Subject' and 'emailMessage/Body'.`);
  for (const required of ['To', 'Subject', 'Body']) {
    if ((message as Record<string, unknown>)[required] === undefined) throw new ActionFailure('BadRequest', `The operation '${operationId}' needs 'emailMessage/${required}'.`);
  }
  return { method: 'POST', url: joinUrl(baseUrl, path), headers: { 'Content-Type': 'application/json' }, body: message };
}
