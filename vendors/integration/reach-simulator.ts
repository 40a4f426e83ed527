import { http, passthrough } from 'msw';
import type { SetupServer } from 'msw/node';
import { createBridgeHandlers } from '../../simulators/kit/msw-bridge.js';
import { serveApp } from '../../simulators/kit/serve.js';

/**
 * Puts a simulator where a connector test's hub will call it: in-process through the msw bridge at
 * `inProcessUrl`, or on a real loopback socket that msw lets through. `close` stops the socket.
 */
export async function reachSimulator(
  server: SetupServer,
  app: { fetch(request: Request): Response | Promise<Response> },
  transport: 'msw' | 'http',
  inProcessUrl: string,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  if (transport === 'msw') {
    server.use(...createBridgeHandlers([{ baseUrl: inProcessUrl, fetch: app.fetch }]));
    return { baseUrl: inProcessUrl, close: async () => {} };
  }
  const running = await serveApp(app.fetch, { port: 0 });
  server.use(http.all(`${running.url}/*`, () => passthrough()));
  return { baseUrl: running.url, close: running.close };
}
