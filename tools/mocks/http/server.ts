import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface RunningServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, closes idle keep-alive sockets, and resolves when every connection is gone. */
  stop(): Promise<void>;
}

/**
 * Longest request URL the services accept: Dataverse documents 32 KB (32,768 characters) and says to
 * send longer GETs inside a $batch body (64 KB there). Node's default (16 KB of request line and
 * headers, then 431) would refuse long $filter URLs the real service takes.
 */
export const MAX_URL_LENGTH = 32_768;

/** Request line plus headers: a URL at the limit, a bearer token and the usual headers fit with room to spare. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface StartServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Longer URLs get 414 as HTTP.sys answers them (default MAX_URL_LENGTH). */
  maxUrlLength?: number;
  /** Called when a handler throws: the response is ended with a 500 and this sees the error. */
  onError?: (error: unknown, request: IncomingMessage) => void;
  /** Answers when the handler throws; defaults to a bare 500 JSON body. */
  internalErrorBody?: string;
}

/**
 * Starts an HTTP server on loopback only (127.0.0.1), the one place every local service of ppkit
 * binds. A handler's thrown error never kills the process: it becomes a 500.
 */
export async function startHttpServer(handler: RequestHandler, options: StartServerOptions = {}): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const maxUrlLength = options.maxUrlLength ?? MAX_URL_LENGTH;
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    if ((request.url?.length ?? 0) > maxUrlLength) {
      uriTooLong(response);
      return;
    }
    let result: void | Promise<void>;
    try {
      result = handler(request, response);
    } catch (error) {
      failRequest(error, request, response, options);
      return;
    }
    if (result && typeof (result as Promise<void>).catch === 'function') {
      (result as Promise<void>).catch((error: unknown) => failRequest(error, request, response, options));
    }
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get a moment to finish; then their sockets are cut.
        const timer = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, 1000);
        timer.unref();
      });
      return stopping;
    },
  };
}

/** What HTTP.sys (in front of Dataverse and manage.office.com) answers for a URL over its limit. */
function uriTooLong(response: ServerResponse): void {
  const body = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Request URL Too Long</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Request URL Too Long</h2>\r\n<hr><p>HTTP Error 414. The request URL is too long.</p>\r\n</BODY></HTML>\r\n';
  response.writeHead(414, { 'Content-Type': 'text/html; charset=us-ascii', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
  response.end(body);
}

function failRequest(error: unknown, request: IncomingMessage, response: ServerResponse, options: StartServerOptions): void {
  options.onError?.(error, request);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const body = options.internalErrorBody ?? JSON.stringify({ error: { code: 'InternalServerError', message: 'The server failed to handle the request.' } });
  response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
