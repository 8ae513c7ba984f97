import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT, ppkitArgv, runPpkitAsync } from '../../helpers/cli.js';
import { startO365Mock, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type O365Mock, type O365MockOptions } from '../../../tools/mocks/o365/index.js';

/** A settable clock for the mock: tests move time instead of waiting. */
export function fakeClock(iso = '2026-11-20T12:00:00Z') {
  let ms = Date.parse(iso);
  return {
    now: () => new Date(ms),
    get ms() {
      return ms;
    },
    advance(byMs: number) {
      ms += byMs;
    },
  };
}

export interface TestMock extends O365Mock {
  clock: ReturnType<typeof fakeClock>;
  api: string;
  token(form?: Record<string, string>, version?: 'v1' | 'v2'): Promise<string>;
  call(path: string, init?: { method?: string; token?: string | null; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
}

export async function startTestMock(options: O365MockOptions = {}): Promise<TestMock> {
  const clock = fakeClock();
  const mock = await startO365Mock({ seed: 'test', now: clock.now, tenant: { users: 15, apps: 6, launchesPerDay: 120, backgroundPerDay: 100 }, ...options });
  const api = `${mock.url}/api/v1.0/${mock.tenantId}/activity/feed`;
  const token = async (form: Record<string, string> = {}, version: 'v1' | 'v2' = 'v1') => {
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId ?? DEFAULT_CLIENT_ID, client_secret: options.clientSecret ?? DEFAULT_CLIENT_SECRET, ...(version === 'v1' ? { resource: 'https://manage.office.com' } : { scope: 'https://manage.office.com/.default' }), ...form });
    const response = await fetch(`${mock.url}/${mock.tenantId}/oauth2/${version === 'v2' ? 'v2.0/' : ''}token`, { method: 'POST', body });
    const json = (await response.json()) as { access_token?: string };
    if (!json.access_token) throw new Error(`no token: ${JSON.stringify(json)}`);
    return json.access_token;
  };
  // Like a client, renew the default token once the (fake) clock nears its expiry.
  let defaultToken = await token();
  let issuedAt = clock.ms;
  const call: TestMock['call'] = async (path, init = {}) => {
    const url = path.startsWith('http') ? path : `${api}${path}`;
    const headers: Record<string, string> = { ...init.headers };
    if (init.token === undefined && clock.ms - issuedAt > 50 * 60_000) {
      defaultToken = await token();
      issuedAt = clock.ms;
    }
    const t = init.token === undefined ? defaultToken : init.token;
    if (t !== null) headers.Authorization = `Bearer ${t}`;
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body });
    const text = await response.text();
    let body: any = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers, text };
  };
  return Object.assign(mock, { clock, api, token, call });
}

/** Runs the CLI as a separate process without blocking this one (in-process servers keep answering). */
export function spawnPpkit(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return runPpkitAsync(args, { env, timeoutMs: 120_000 });
}

/** Starts a long-running CLI server and resolves with its first stdout line. */
export function spawnPpkitServer(args: readonly string[]): Promise<{ child: ChildProcess; firstLine: string; output: () => { stdout: string; stderr: string }; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ppkitArgv(args), { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      stdout += d;
      const at = stdout.indexOf('\n');
      if (at >= 0) resolve({ child, firstLine: stdout.slice(0, at), output: () => ({ stdout, stderr }), exited });
    });
    exited.then(({ code }) => reject(new Error(`exited ${code} before printing: ${stderr}`)));
  });
}
