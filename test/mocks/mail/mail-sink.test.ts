import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailSink, type MailSink } from '../../../tools/mocks/mail/index.js';

describe('mail sink (Office 365 Outlook SendEmailV2: POST /v2/Mail)', () => {
  let sink: MailSink;
  beforeAll(async () => {
    sink = await startMailSink({ now: () => new Date('2026-11-20T12:00:00Z') });
  });
  afterAll(() => sink.stop());
  const send = (body: unknown) => fetch(`${sink.url}/v2/Mail`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('records a ClientSendHtmlMessage and answers 200 with no body', async () => {
    const response = await send({ To: 'admin@contoso.example; coe@contoso.example', Subject: 'Audit log sync failed', Body: '<p>See run</p>', Importance: 'High', Cc: 'ops@contoso.example' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(sink.messages.at(-1)).toEqual({ To: 'admin@contoso.example; coe@contoso.example', Subject: 'Audit log sync failed', Body: '<p>See run</p>', Importance: 'High', Cc: 'ops@contoso.example', receivedAt: '2026-11-20T12:00:00.000Z' });
    expect(((await (await fetch(`${sink.url}/v2/Mail`)).json()) as unknown[]).length).toBe(sink.messages.length);
  });

  it.each([
    ['no To', { Subject: 's', Body: 'b' }, /'To' field is required/],
    ['a bad address', { To: 'not-an-address', Subject: 's', Body: 'b' }, /invalid email address/],
    ['no Subject', { To: 'a@b.example', Body: 'b' }, /'Subject'/],
    ['no Body', { To: 'a@b.example', Subject: 's' }, /'Body'/],
    ['a bad Importance', { To: 'a@b.example', Subject: 's', Body: 'b', Importance: 'Urgent' }, /Importance/],
    ['a bad attachment', { To: 'a@b.example', Subject: 's', Body: 'b', Attachments: [{ Name: 'x' }] }, /ContentBytes/],
    ['text that is not JSON', '{', /not valid JSON/],
  ])('refuses a message with %s (400) and records nothing', async (_name, body, message) => {
    const before = sink.messages.length;
    const response = await send(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(sink.messages.length).toBe(before);
  });
});
