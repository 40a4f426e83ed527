import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ACCESS_ENV, type AccessOptions, type ServedAccess } from './access.js';

export interface ServeOptions {
  port: number;
  /** Loopback unless told otherwise: a simulator is not meant to be reachable from the network. */
  hostname?: string;
  /** A client that sends its request too slowly is cut off after this long (ms). */
  requestTimeoutMs?: number;
  /** Which Host names and which admin token the app accepts (loopback names and no token by default). */
  access?: AccessOptions;
  /**
   * The answer to a request node's parser refuses before any handler sees it (a control character
   * in a header, headers too large, a request too slow): in the app's own error shape. Node's bare
   * answer otherwise.
   */
  clientError?: (refusal: ClientRefusal) => { contentType: string; body: string };
}

/** A request refused by node's HTTP parser, with the status node itself would answer. */
export interface ClientRefusal {
  status: 400 | 408 | 431;
  code: string;
  message: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const REASONS = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' } as const;

/** What node answers each parser error (its `socketOnError`), with a message a developer can act on. */
export function clientRefusal(error: NodeJS.ErrnoException): ClientRefusal {
  const code = error.code ?? 'HPE_UNKNOWN';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code, message: 'The request was not received in time' };
  if (code === 'HPE_HEADER_OVERFLOW' || code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW')
    return { status: 431, code, message: 'The request headers are too large' };
  if (code === 'HPE_INVALID_HEADER_TOKEN')
    return {
      status: 400,
      code,
      message: 'A request header holds a character HTTP does not allow (a control character?)',
    };
  return { status: 400, code, message: `The request is not valid HTTP (${code})` };
}

/** Serves a fetch handler with @hono/node-server; resolves once it listens. */
export function serveApp(
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>,
  options: ServeOptions,
): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Filled in with the port once listening (no request arrives before).
  const access: ServedAccess = { ...options.access, hostname, port: 0 };
  // Written into node-server's own env object (one per request): no second object per request.
  const guarded = (request: Request, env?: unknown) => {
    const bindings = (env ?? {}) as Record<string, unknown>;
    bindings[ACCESS_ENV] = access;
    return fetch(request, bindings);
  };
  return new Promise((resolve, reject) => {
    // Node checks the request timeouts only every `connectionsCheckingInterval` (30 s by default,
    // fixed when the server is created): without a shorter one, a stalled client is held that long
    // whatever the timeout says.
    const serverOptions = {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 20_000),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4))),
    };
    const server = serve({ fetch: guarded, port: options.port, hostname, serverOptions }, (info) => {
      access.port = info.port;
      const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as Server).close(() => done());
            (server as Server).closeAllConnections?.();
          }),
      });
    }) as Server;
    server.keepAliveTimeout = 5_000;
    server.once('error', reject);
    if (options.clientError) {
      const format = options.clientError;
      // Replaces node's own answer (same statuses, same closing) with one in the app's shape.
      server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
        if (
          socket.writable &&
          (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0 &&
          error.code !== 'ECONNRESET'
        ) {
          const refusal = clientRefusal(error);
          const { contentType, body } = format(refusal);
          socket.write(
            `HTTP/1.1 ${refusal.status} ${REASONS[refusal.status]}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        }
        socket.destroy(error);
      });
    }
  });
}
