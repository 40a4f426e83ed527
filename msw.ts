/**
 * msw handlers for other projects' tests: a connector's real `fetch` reaches in-process
 * simulators, no sockets.
 *
 *   import { setupServer } from 'msw/node';
 *   import { createLedgersimHandlers } from 'ledgersim/msw';
 *   const { handlers, simulators, credentials, baseUrls } = createLedgersimHandlers();   // fresh simulators per call
 *   const server = setupServer(...handlers);
 *   const { geIdentifier } = credentials['sage-ge'][0]!.credentials;   // typed per vendor
 *
 * `handlers` (below) is one shared instance for the simplest setups; prefer
 * `createLedgersimHandlers()` per test file so that tests do not share state.
 *
 * Code that takes its `fetch` as a parameter (every connector here does) can be given `fetch`
 * instead: the same simulators, reached with no interception at all. Through `setupServer`,
 * msw's own work on each call (its own request, the Request and Response constructors it wraps,
 * the answer rebuilt and cloned) costs about as much as the simulator's, even though the bridge's
 * handlers skip msw's per-handler cloning and matching; this `fetch` hands the request straight to
 * the simulator, as the bridge's handler does.
 *
 *   const { fetch, baseUrls } = createLedgersimHandlers();
 *   const client = createSageGeClient({ baseUrl: baseUrls.sageGe, fetch, clock });
 *
 * Every registered vendor (`vendors/index.ts`) gets a simulator here; `simulators` and `baseUrls`
 * are keyed by its id in camelCase (`sage-ge` → `sageGe`), `credentials` by the id itself.
 */
import type { HttpHandler } from 'msw';
import { demoCredentials, type DemoCredentials } from './vendors/demo.js';
import { createVirtualClock, type VirtualClock } from './core/clock.js';
import { createBridgeHandlers } from './simulators/kit/msw-bridge.js';
import { createInProcessFetch } from './simulators/kit/in-process-fetch.js';
import { DEFAULT_START } from './simulators/kit/simulator.js';
import { VENDORS, type VendorId, type VendorModuleOf } from './vendors/index.js';

/** A vendor id as a JavaScript property name: `sage-ge` → `sageGe`. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type VendorKey = CamelCase<VendorId>;
const camelCase = <Id extends VendorId>(id: Id) =>
  id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as CamelCase<Id>;

/** Each vendor's simulator, typed as its own factory returns it. */
export type LedgersimSimulators = {
  [Id in VendorId as CamelCase<Id>]: ReturnType<VendorModuleOf<Id>['simulator']['create']>;
};

/** Where msw answers for each vendor: `https://<vendor id>.ledgersim.test`. */
export const DEFAULT_BASE_URLS = Object.fromEntries(
  VENDORS.ids.map((id) => [camelCase(id), `https://${id}.ledgersim.test`]),
) as { readonly [K in VendorKey]: string };

export interface LedgersimHandlersOptions {
  clock?: VirtualClock;
  seed?: number;
  baseUrls?: Partial<typeof DEFAULT_BASE_URLS>;
}

export function createLedgersimHandlers(options: LedgersimHandlersOptions = {}): {
  handlers: HttpHandler[];
  /**
   * A `fetch` reaching the same simulators with no msw interception (for code that takes its
   * `fetch` as a parameter); any other URL is a network error.
   */
  fetch: typeof fetch;
  simulators: LedgersimSimulators;
  clock: VirtualClock;
  baseUrls: typeof DEFAULT_BASE_URLS;
  /** Each simulator's demo tenants with their credentials, typed as the vendor's connector takes them, by vendor id. */
  credentials: DemoCredentials;
} {
  const clock = options.clock ?? createVirtualClock({ start: DEFAULT_START });
  const baseUrls = { ...DEFAULT_BASE_URLS, ...options.baseUrls };
  const built = VENDORS.modules.map((vendor) => ({
    id: vendor.id,
    key: camelCase(vendor.id),
    simulator: vendor.simulator.create({ clock, seed: options.seed }),
  }));
  const targets = built.map(({ key, simulator }) => ({ baseUrl: baseUrls[key], fetch: simulator.app.fetch }));
  return {
    handlers: createBridgeHandlers(targets),
    fetch: createInProcessFetch(targets),
    // Built from the registry's own modules, so each key holds its vendor's factory's result.
    simulators: Object.fromEntries(built.map(({ key, simulator }) => [key, simulator])) as LedgersimSimulators,
    clock,
    baseUrls,
    credentials: demoCredentials(Object.fromEntries(built.map(({ id, simulator }) => [id, simulator.store.data]))),
  };
}

export const { handlers } = createLedgersimHandlers();

export type { DemoCredentials, DemoTenant } from './vendors/demo.js';
