import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'ppkit-dv-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it.each(['off', 'normal'])('a process killed (SIGKILL) mid-write leaves a consistent SQLite file holding every committed row (synchronous %s)', async (synchronous) => {
  const dbFile = join(folder, `crash-${synchronous}.sqlite`);
  const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, 'write-forever.ts'), dbFile, synchronous], { stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let partial = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      committed.push(...lines);
      // Kill while the loop is writing, well after it started.
      if (committed.length >= 2000) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => (committed.length >= 2000 ? resolve() : reject(new Error(`writer stopped early: ${stderr}`))));
  });
  expect(await exited).toBe('SIGKILL');

  const db = new Database(dbFile);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const stored = new Set((db.prepare('SELECT admin_auditlogid FROM admin_auditlog').pluck().all() as string[]));
    expect(stored.size).toBeGreaterThanOrEqual(committed.length);
    expect(committed.filter((id) => !stored.has(id))).toEqual([]);
  } finally {
    db.close();
  }
}, 60_000);
