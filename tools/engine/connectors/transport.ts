/** One request as it goes on the wire: the method in upper case, the body already encoded. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** One answer as it comes off the wire: header names in lower case (as fetch gives them), the raw body. */
export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/**
 * How the engine's outbound requests travel. The default is real HTTP (fetch); a host that runs a
 * service in the same process (the simulator's Dataverse emulator) can answer its requests itself,
 * without Request/Response/Headers/stream objects per call. Encoding the request body and decoding
 * the answer stay in the engine (http-client.ts), so every transport gives a flow the same values.
 * `send` throws when no answer came (refused, reset, timed out).
 */
export interface HttpTransport {
  send(request: WireRequest, options: { timeoutMs: number }): Promise<WireResponse>;
}

const byFetch = new WeakMap<typeof fetch, HttpTransport>();

/** Real HTTP through a fetch function (globalThis.fetch or a test's own), following redirects. */
export function fetchTransport(fetchFunction: typeof fetch): HttpTransport {
  let transport = byFetch.get(fetchFunction);
  if (!transport) {
    transport = {
      async send(request, options) {
        const response = await fetchFunction(request.url, { method: request.method, headers: request.headers, body: request.body as BodyInit | undefined, redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          headers[key] = value;
        });
        return { statusCode: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
      },
    };
    byFetch.set(fetchFunction, transport);
  }
  return transport;
}
