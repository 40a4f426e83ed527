import type { Hono } from 'hono';
import type { z } from 'zod';
import { createVirtualClock, type VirtualClock } from '../../core/clock.js';
import type { VendorProvenance } from '../../contracts/provenance.js';
import type { FaultInjector } from './faults.js';
import type { RequestJournal, RequestJournalOptions } from './journal.js';
import type { SimulatorKit } from './simulator-kit.js';
import type { FormatVendorError } from './vendor-error.js';
import { createMemoryStore, type Store } from '../../core/store.js';
import { createTenantClocks, type TenantClocks } from '../../core/tenant-clock.js';
import type { TenantTtlOptions } from './simulator-kit.js';

/**
 * Where a simulator's clock starts when none is given (tests, `ledgersim/msw`): one instant for
 * every vendor, so simulators built apart agree on "now".
 */
export const DEFAULT_START = '2026-03-16T09:00:00.000Z';

/** A registered vendor's id (`vendors/index.ts` lists them and narrows this to its `VendorId`). */
export type SimulatorName = string;

/** What `ledgersim start` and the kit know of a simulator's state, before building it. */
export interface SimulatorDefinition<S extends { tenants: Record<string, unknown> }> {
  name: SimulatorName;
  title: string;
  schema: z.ZodType<S>;
  tenantSchema: z.ZodType<S['tenants'][string]>;
  empty(): S;
  /** The demo state for a seed, around the clock's now. */
  demo(seed: number, now: Date): S;
  /**
   * Brings a state loaded from `--data` to the current format before it is validated (in place;
   * the file is rewritten only by the next snapshot); throws, with why, for a file it cannot read
   * (a newer format). Absent: the format never changed.
   */
  migrate?(state: unknown): unknown;
  /** Lines telling a developer how to authenticate as each tenant (printed by `ledgersim start`). */
  credentials(state: S): string[];
  /** What picks a tenant in a request's credentials: the admin plane refuses two tenants sharing one. */
  credentialKeys?(tenant: S['tenants'][string]): string[];
  /**
   * Where each wire fact comes from (`/openapi.json` carries it as `x-provenance`; `npm run
   * provenance` writes the README's table from it). Absent: the simulator documents no vendor API.
   */
  provenance?: VendorProvenance;
}

/** A running simulator, whatever the vendor. */
export interface Simulator<S> {
  name: SimulatorName;
  app: Hono<any>;
  store: Store<S>;
  clock: VirtualClock;
  journal: RequestJournal;
  faults: FaultInjector;
  /** Resolves once the work due after the last clock move is done. */
  settled(): Promise<void>;
  /** How many times that work failed (it should stay 0; `/__admin/health` shows it). */
  tickFailures(): number;
  /** Stops listening to the clock and closes the store (a final snapshot with `--data`). */
  close(): Promise<void>;
  /** The vendor's error body for an error (what a request refused before any route gets). */
  formatError: FormatVendorError;
}

/** What every simulator factory takes (`createSageGeSimulator(options)` and the others). */
export interface SimulatorOptions<S> {
  /** The virtual clock (shared with the other simulators and the hub in one process). */
  clock?: VirtualClock;
  /** Seeds the demo data, ids and fault decisions. */
  seed?: number;
  /** Where the state lives; by default in memory, holding `initialState`. */
  store?: Store<S>;
  /** The state of a new in-memory store: the demo firms (default) or none. */
  initialState?: 'demo' | 'empty' | S;
  journal?: RequestJournalOptions;
  maxBodyBytes?: number;
  /** Tenants nobody touched for this long are removed (a shared server's `--tenant-ttl`). */
  tenantTtl?: TenantTtlOptions;
}

/** The clock, seed and store a factory works with, from its options and its definition. */
export function resolveSimulatorOptions<S extends { tenants: Record<string, unknown> }>(
  definition: SimulatorDefinition<S>,
  options: SimulatorOptions<S>,
  defaultStart: string,
): { clock: TenantClocks; seed: number; store: Store<S> } {
  // The routes read the clock of the request's tenant: its own time line over the shared clock.
  const clock = createTenantClocks(options.clock ?? createVirtualClock({ start: defaultStart }));
  const seed = options.seed ?? 1;
  const initial = options.initialState ?? 'demo';
  const store =
    options.store ??
    createMemoryStore<S>(
      initial === 'demo' ? definition.demo(seed, clock.now()) : initial === 'empty' ? definition.empty() : initial,
    );
  return { clock, seed, store };
}

/** The finished simulator a factory returns, over its kit. */
export function toSimulator<S>(
  name: SimulatorName,
  kit: SimulatorKit,
  store: Store<S>,
  clock: VirtualClock,
): Simulator<S> {
  return {
    name,
    app: kit.app,
    store,
    clock,
    journal: kit.journal,
    faults: kit.faults,
    settled: kit.settled,
    tickFailures: kit.tickFailures,
    formatError: kit.formatError,
    async close() {
      kit.dispose();
      await store.close();
    },
  };
}
