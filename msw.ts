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
 */
import type { HttpHandler } from 'msw';
import { demoCredentials, type DemoCredentials } from './vendors/demo.js';
import { createVirtualClock, type VirtualClock } from './core/clock.js';
import { createBridgeHandlers } from './simulators/kit/msw-bridge.js';
import { createLoopSimulator, type LoopSimulator } from './simulators/loop/index.js';
import { createQuadraSimulator, type QuadraSimulator } from './simulators/quadra/index.js';
import { createSageGeSimulator, DEFAULT_START, type SageGeSimulator } from './simulators/sage-ge/index.js';

export const DEFAULT_BASE_URLS = {
  sageGe: 'https://sage-ge.ledgersim.test',
  quadra: 'https://quadra.ledgersim.test',
  loop: 'https://loop.ledgersim.test',
} as const;

export interface LedgersimHandlersOptions {
  clock?: VirtualClock;
  seed?: number;
  baseUrls?: Partial<typeof DEFAULT_BASE_URLS>;
}

export function createLedgersimHandlers(options: LedgersimHandlersOptions = {}): {
  handlers: HttpHandler[];
  simulators: { sageGe: SageGeSimulator; quadra: QuadraSimulator; loop: LoopSimulator };
  clock: VirtualClock;
  baseUrls: typeof DEFAULT_BASE_URLS;
  /** Each simulator's demo tenants with their credentials, typed as the vendor's connector takes them, by vendor id. */
  credentials: DemoCredentials;
} {
  const clock = options.clock ?? createVirtualClock({ start: DEFAULT_START });
  const baseUrls = { ...DEFAULT_BASE_URLS, ...options.baseUrls };
  const sageGe = createSageGeSimulator({ clock, seed: options.seed });
  const quadra = createQuadraSimulator({ clock, seed: options.seed });
  const loop = createLoopSimulator({ clock, seed: options.seed });
  return {
    handlers: createBridgeHandlers([
      { baseUrl: baseUrls.sageGe, fetch: sageGe.app.fetch },
      { baseUrl: baseUrls.quadra, fetch: quadra.app.fetch },
      { baseUrl: baseUrls.loop, fetch: loop.app.fetch },
    ]),
    simulators: { sageGe, quadra, loop },
    clock,
    baseUrls,
    credentials: demoCredentials({ 'sage-ge': sageGe.store.data, quadra: quadra.store.data, loop: loop.store.data }),
  };
}

export const { handlers } = createLedgersimHandlers();

export type { DemoCredentials, DemoTenant } from './vendors/demo.js';
