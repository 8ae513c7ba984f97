import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startO365Mock } from '../../../tools/mocks/o365/index.js';
import { InputError } from '../../../tools/core/errors.js';
import { startTestMock } from './helpers.js';

describe('mock state file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ppkit-o365-state-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('saves the tenant and subscriptions on change and stop, and a new mock loads them', async () => {
    const file = join(folder, 'state.json');
    const first = await startTestMock({ stateFile: file, seed: 'persisted', tenant: { users: 9, apps: 4 } });
    await first.call('/subscriptions/start?contentType=Audit.SharePoint', { method: 'POST' });
    const listed = (await first.call('/subscriptions/content?contentType=Audit.SharePoint')).body as { contentId: string }[];
    await first.stop();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; subscriptions: { contentType: string }[] };
    expect(saved.kind).toBe('ppkit-o365-mock-state');
    expect(saved.subscriptions.map((s) => s.contentType)).toEqual(['Audit.SharePoint']);
    expect(readFileSync(file, 'utf8')).not.toMatch(/secret/i);

    const second = await startTestMock({ stateFile: file, now: first.clock.now });
    try {
      expect(second.tenantId).toBe(first.tenantId);
      expect(second.tenant.catalog.users).toHaveLength(9);
      expect((await second.call('/subscriptions/list')).body).toEqual([{ contentType: 'Audit.SharePoint', status: 'enabled', webhook: null }]);
      const again = (await second.call('/subscriptions/content?contentType=Audit.SharePoint')).body as { contentId: string }[];
      expect(again.map((i) => i.contentId)).toEqual(listed.map((i) => i.contentId));
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not a mock state, naming it', async () => {
    const file = join(folder, 'other.json');
    writeFileSync(file, '{"kind":"something-else"}');
    await expect(startO365Mock({ stateFile: file })).rejects.toThrow(InputError);
    await expect(startO365Mock({ stateFile: file })).rejects.toThrow(/ppkit O365 mock state/);
  });
});
