import { parseRequestUrl, readBody, sendJson, startHttpServer, BodyTooLargeError } from '../http/index.js';

/**
 * What the Office 365 Outlook connector's SendEmailV2 sends: `POST /v2/Mail` with a
 * ClientSendHtmlMessage body (`To`, `Subject`, `Body` required; `From`, `Cc`, `Bcc`, `ReplyTo`,
 * `Importance`, `Attachments`, `Sensitivity` optional). Address lists are `;`-separated.
 */
export interface SentMail {
  To: string;
  Subject: string;
  Body: string;
  From?: string;
  Cc?: string;
  Bcc?: string;
  ReplyTo?: string;
  Importance?: 'Low' | 'Normal' | 'High';
  Sensitivity?: string;
  Attachments?: { Name: string; ContentBytes: string }[];
  /** When the sink received it (its clock). */
  receivedAt: string;
}

export interface MailSink {
  url: string;
  port: number;
  /** Every accepted message, in arrival order. */
  messages: SentMail[];
  stop(): Promise<void>;
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

function addressError(field: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') return required ? `The '${field}' field is required.` : undefined;
  if (typeof value !== 'string') return `The '${field}' field must be a string of email addresses separated by semicolons.`;
  const bad = value.split(';').map((a) => a.trim()).filter((a) => a !== '' && !EMAIL.test(a));
  return bad.length > 0 ? `The '${field}' field holds an invalid email address: '${bad[0]}'.` : undefined;
}

function validate(message: Record<string, unknown>): string | undefined {
  for (const [field, required] of [['To', true], ['Cc', false], ['Bcc', false], ['ReplyTo', false], ['From', false]] as const) {
    const problem = addressError(field, message[field], required);
    if (problem) return problem;
  }
  if (typeof message.Subject !== 'string' || message.Subject === '') return "The 'Subject' field is required.";
  if (typeof message.Body !== 'string') return "The 'Body' field is required.";
  if (message.Importance !== undefined && !['Low', 'Normal', 'High'].includes(String(message.Importance))) return "The 'Importance' field must be Low, Normal or High.";
  if (message.Attachments !== undefined) {
    if (!Array.isArray(message.Attachments)) return "The 'Attachments' field must be an array.";
    for (const a of message.Attachments as unknown[]) {
      const item = a as { Name?: unknown; ContentBytes?: unknown } | null;
      if (!item || typeof item.Name !== 'string' || typeof item.ContentBytes !== 'string') return 'Each attachment needs Name and ContentBytes (base64).';
    }
  }
  return undefined;
}

/** Starts the mail sink on 127.0.0.1; `GET /v2/Mail` lists what it received (for a person looking). */
export async function startMailSink(options: { port?: number; now?: () => Date } = {}): Promise<MailSink> {
  const messages: SentMail[] = [];
  const now = options.now ?? (() => new Date());
  const server = await startHttpServer(async (request, response) => {
    const { path } = parseRequestUrl(request.url);
    if (path !== '/v2/Mail') return sendJson(response, 404, { status: 404, message: 'Resource not found' });
    if (request.method === 'GET') return sendJson(response, 200, messages);
    if (request.method !== 'POST') return sendJson(response, 405, { status: 405, message: 'Method not allowed' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(request, 8 * 1024 * 1024));
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      return sendJson(response, status, { status, message: status === 413 ? 'The message is too large.' : 'The request body is not valid JSON.' });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return sendJson(response, 400, { status: 400, message: 'Expected a ClientSendHtmlMessage object.' });
    const problem = validate(parsed as Record<string, unknown>);
    if (problem) return sendJson(response, 400, { status: 400, message: problem });
    const m = parsed as Record<string, unknown>;
    const mail: SentMail = { To: String(m.To), Subject: String(m.Subject), Body: String(m.Body), receivedAt: now().toISOString() };
    for (const key of ['From', 'Cc', 'Bcc', 'ReplyTo', 'Importance', 'Sensitivity'] as const) if (typeof m[key] === 'string' && m[key] !== '') (mail as unknown as Record<string, unknown>)[key] = m[key];
    if (Array.isArray(m.Attachments)) mail.Attachments = (m.Attachments as { Name: string; ContentBytes: string }[]).map((a) => ({ Name: a.Name, ContentBytes: a.ContentBytes }));
    messages.push(mail);
    // The connector answers 200 with no body.
    response.writeHead(200, { 'Content-Length': 0 });
    response.end();
  }, { port: options.port });
  return { url: server.url, port: server.port, messages, stop: () => server.stop() };
}
