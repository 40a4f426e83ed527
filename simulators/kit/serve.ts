import { serve } from '@hono/node-server';
import type { Server } from 'node:http';

export interface ServeOptions {
  port: number;
  /** Loopback unless told otherwise: a simulator is not meant to be reachable from the network. */
  hostname?: string;
  /** A client that sends its request too slowly is cut off after this long (ms). */
  requestTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a fetch handler with @hono/node-server; resolves once it listens. */
export function serveApp(fetch: (request: Request, env?: unknown) => Response | Promise<Response>, options: ServeOptions): Promise<RunningServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    // Node checks the request timeouts only every `connectionsCheckingInterval` (30 s by default,
    // fixed when the server is created): without a shorter one, a stalled client is held that long
    // whatever the timeout says.
    const serverOptions = { requestTimeout, headersTimeout: Math.min(requestTimeout, 20_000), connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeout / 4))) };
    const server = serve({ fetch, port: options.port, hostname, serverOptions }, (info) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
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
  });
}
