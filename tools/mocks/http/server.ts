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

export interface StartServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
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
  const server = createServer((request, response) => {
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
