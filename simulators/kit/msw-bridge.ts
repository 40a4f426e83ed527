import { HttpHandler, HttpResponse } from 'msw';
import { DROP_HEADER } from './faults.js';

export interface BridgeTarget {
  /** The base URL the connector is given, e.g. `https://sage-ge.test`. */
  baseUrl: string;
  /** The simulator's fetch handler (`simulator.app.fetch`). */
  fetch: (request: Request) => Response | Promise<Response>;
}

type RunArgs = Parameters<HttpHandler['run']>[0];
type RunResult = Awaited<ReturnType<HttpHandler['run']>>;

/**
 * One simulator's handler: `http.all('<base>/*')` as msw lists, tests and resets it, with a `run` of
 * its own. msw's `RequestHandler.run` clones every request it looks at (a clone tees the body, so
 * the simulator then reads it through a second stream), parses its cookies, matches its path
 * against a pattern and sets up an abort listener, for every handler in the list until one
 * answers: about as much CPU as the simulator's own work on a push. A simulator needs none of it:
 * a request is its simulator's when its URL starts with the base URL, and the simulator reads the
 * request itself. What msw does once a handler has answered (the response's re-wrapping, cookies,
 * events) is unchanged.
 */
class SimulatorHandler extends HttpHandler {
  readonly #prefix: string;
  readonly #target: BridgeTarget;

  constructor(target: BridgeTarget) {
    const base = target.baseUrl.replace(/\/+$/, '');
    // The method pattern is http.all's, so msw's own `test()` and listing see the same handler.
    super(/.+/, `${base}/*`, ({ request }) => forward(target, request));
    // The URL of a request is normalised (a lowercase host, a default port dropped): so is the prefix.
    this.#prefix = new URL(`${base}/`).href;
    this.#target = target;
  }

  override async run(args: RunArgs): Promise<RunResult> {
    const { request } = args;
    if (!request.url.startsWith(this.#prefix)) return null;
    this.isUsed = true;
    const response = await forward(this.#target, request);
    return {
      handler: this,
      request,
      requestId: args.requestId,
      response,
      parsedResult: { match: { matches: true, params: {} }, cookies: {} },
    } as RunResult;
  }
}

async function forward(target: BridgeTarget, request: Request): Promise<Response> {
  const response = await target.fetch(request);
  return response.headers.get(DROP_HEADER) ? HttpResponse.error() : response;
}

/**
 * msw handlers that hand any request for a simulator's base URL to its in-process `fetch`: a
 * connector's real `fetch` reaches the simulator without a socket. A dropped-connection fault
 * becomes a network error, as it would over TCP.
 */
export function createBridgeHandlers(targets: readonly BridgeTarget[]): HttpHandler[] {
  return targets.map((target) => new SimulatorHandler(target));
}
