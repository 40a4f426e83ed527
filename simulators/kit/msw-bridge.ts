import { http, HttpResponse, type HttpHandler } from 'msw';
import { DROP_HEADER } from './faults.js';

export interface BridgeTarget {
  /** The base URL the connector is given, e.g. `https://sage-ge.test`. */
  baseUrl: string;
  /** The simulator's fetch handler (`simulator.app.fetch`). */
  fetch: (request: Request) => Response | Promise<Response>;
}

/**
 * msw handlers that hand any request for a simulator's base URL to its in-process `fetch`: a
 * connector's real `fetch` reaches the simulator without a socket. A dropped-connection fault
 * becomes a network error, as it would over TCP.
 */
export function createBridgeHandlers(targets: readonly BridgeTarget[]): HttpHandler[] {
  return targets.map((target) => {
    const base = target.baseUrl.replace(/\/+$/, '');
    return http.all(`${base}/*`, async ({ request }) => {
      const response = await target.fetch(request);
      if (response.headers.get(DROP_HEADER)) return HttpResponse.error();
      return response;
    });
  });
}
