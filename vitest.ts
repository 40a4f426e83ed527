/**
 * A vitest `globalSetup` for other projects' tests: starts the simulators on free loopback ports
 * before the first test file, gives their URLs and demo credentials to every test through
 * vitest's `provide`/`inject`, and stops them after the last one.
 *
 *   // vitest.config.ts
 *   export default defineConfig({ test: { globalSetup: ['ledgersim/vitest'] } });
 *
 *   // a test
 *   import { inject } from 'vitest';
 *   import type {} from 'ledgersim/vitest';            // types `inject('ledgersim')`
 *   const { urls, credentials } = inject('ledgersim');
 *   const { geIdentifier } = credentials['sage-ge'][0]!.credentials;
 *
 * Other options (only some vendors, a seed, a start date): a setup file of your own,
 * `export default ledgersimGlobalSetup({ only: ['quadra'] })`.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startSimulators, type StartOptions } from './simulators/start.js';
import type { VendorId } from './vendors/index.js';
import type { DemoCredentials } from './vendors/demo.js';

/** What `inject('ledgersim')` gives a test: plain data, since vitest copies it into each worker. */
export interface LedgersimContext {
  /** Each started simulator's base URL by vendor id (`urls['sage-ge']`). */
  urls: Partial<Record<VendorId, string>>;
  /** Each simulator's tenants at start with their credentials, typed per vendor; empty for a simulator not started. */
  credentials: DemoCredentials;
  /** The dashboard's URL, when started with `dashboard: true`. */
  dashboard?: string;
  /** Where the shared virtual clock stood when the simulators started (it moves through `/__admin/clock`). */
  startedAt: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    ledgersim: LedgersimContext;
  }
}

/** The key tests `inject`. */
export const LEDGERSIM_KEY = 'ledgersim';

export type LedgersimGlobalSetupOptions = Omit<StartOptions, 'portBase' | 'dataDir'>;

/**
 * A globalSetup with start options of your own. The ports are always free ones picked by the
 * system (parallel CI jobs do not collide) and the state is in memory (each run starts from the
 * seed). The dashboard is off unless asked for; the clock is frozen unless `clock: 'live'`.
 */
export function ledgersimGlobalSetup(options: LedgersimGlobalSetupOptions = {}) {
  return async function setup(project: Pick<TestProject, 'provide'>): Promise<() => Promise<void>> {
    const running = await startSimulators({ dashboard: false, ...options, portBase: 0 });
    const context: LedgersimContext = {
      urls: running.urls,
      credentials: running.credentials,
      ...(running.dashboard ? { dashboard: running.dashboard.url } : {}),
      startedAt: running.clock.now().toISOString(),
    };
    project.provide(LEDGERSIM_KEY, context);
    return () => running.close();
  };
}

/** `globalSetup: ['ledgersim/vitest']`: every simulator, seed 1, the clock frozen at the machine's date. */
export default ledgersimGlobalSetup();
