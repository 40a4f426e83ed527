import type { Hono } from 'hono';
import type { z } from 'zod';
import type { VirtualClock } from './clock.js';
import type { FaultInjector } from './faults.js';
import type { RequestJournal } from './journal.js';
import type { Store } from './store.js';

export type SimulatorName = 'sage-ge' | 'quadra' | 'loop';

/** What `ledgersim start` and the kit know of a simulator's state, before building it. */
export interface SimulatorDefinition<S extends { tenants: Record<string, unknown> }> {
  name: SimulatorName;
  title: string;
  schema: z.ZodType<S>;
  tenantSchema: z.ZodType<S['tenants'][string]>;
  empty(): S;
  /** The demo state for a seed, around the clock's now. */
  demo(seed: number, now: Date): S;
  /** Lines telling a developer how to authenticate as each tenant (printed by `ledgersim start`). */
  credentials(state: S): string[];
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
  /** Stops listening to the clock and closes the store (a final snapshot with `--data`). */
  close(): Promise<void>;
}
