// The Dataverse emulator's own request router, below its HTTP server (not in the package index).
import { dispatch } from '../mocks/dataverse/http/dispatch.js';
import type { RunningDataverse } from '../mocks/dataverse/index.js';

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `--transport direct`: the engine's requests to the Dataverse emulator go straight to its router
 * (the same routes, store and answers its HTTP server gives), without a loopback socket per call.
 * A flow writes two Dataverse requests per audit record, so at 100k records the socket round trips
 * are most of a simulation's time. Everything else (the Office 365 mock, the mail sink) still goes
 * over HTTP.
 */
export function directDataverseFetch(dataverse: RunningDataverse, fallback: typeof fetch = globalThis.fetch): typeof fetch {
  const root = dataverse.apiUrl;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(root) || input instanceof Request) return fallback(input, init);
    const parsed = new URL(url);
    const headers = new Map<string, string>();
    new Headers(init?.headers).forEach((value, name) => headers.set(name.toLowerCase(), value));
    const body = init?.body === undefined || init.body === null ? '' : typeof init.body === 'string' ? init.body : await new Response(init.body).text();
    const answer = dispatch(
      { method: init?.method ?? 'GET', path: parsed.pathname.slice(new URL(root).pathname.length), search: parsed.searchParams, headers, body },
      { store: dataverse.store, serviceRoot: root },
    );
    return new Response(NO_BODY.has(answer.status) ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}
