import { DROP_HEADER } from './faults.js';
import type { BridgeTarget } from './msw-bridge.js';

/**
 * A `fetch` that hands each request for a simulator's base URL straight to its in-process
 * `app.fetch`: what the msw bridge does, without msw's interception (its request cloning, handler
 * matching, cookie parsing and response rebuilding cost more than the simulator's own work). For
 * code that takes its `fetch` as a parameter, as every connector here does. A URL no simulator
 * answers is a network error, as msw's `onUnhandledRequest: 'error'` makes it; so is a
 * dropped-connection fault, as over TCP.
 */
export function createInProcessFetch(targets: readonly BridgeTarget[]): typeof fetch {
  const routes = targets.map((target) => ({ prefix: `${target.baseUrl.replace(/\/+$/, '')}/`, fetch: target.fetch }));
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    const route = routes.find((r) => request.url.startsWith(r.prefix));
    if (!route) throw new TypeError(`fetch failed: no simulator answers ${request.url}`);
    // A real fetch sends the length of a body it holds whole; without it the kit's body limit
    // would wrap every body in a counting stream and rebuild the request.
    const length = knownLength(init?.body);
    if (length !== undefined && !request.headers.has('content-length'))
      request.headers.set('content-length', String(length));
    const response = await route.fetch(request);
    if (response.headers.get(DROP_HEADER)) throw new TypeError('fetch failed: the connection was dropped');
    return response;
  }) as typeof fetch;
}

/** The byte length of a body whose bytes are all at hand (what undici sends as Content-Length). */
function knownLength(body: RequestInit['body'] | undefined): number | undefined {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof Blob) return body.size;
  return undefined;
}
