import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { createVirtualClock } from '../core/clock.js';
import { createRandom } from '../core/random.js';
import { createMemoryStore, openFileStore } from '../core/store.js';
import { createSimulatorKit } from '../simulators/kit/simulator-kit.js';

/**
 * A state past what one string can hold: `entries` entries of about `entryBytes` each, in one
 * tenant's file. Measures the admin read of it (streamed) and a compaction while commits add,
 * change and delete entries, each with the longest event-loop stall meanwhile, and the load at
 * the next start, which must give back exactly the state written.
 */
export interface SizeFigures {
  entries: number;
  stateBytes: number;
  adminStateStatus: number;
  adminStateBytes: number;
  adminStateMs: number;
  adminTenantStatus: number;
  /** The longest the event loop was held while the admin state and the tenant were streamed. */
  adminStallMs: number;
  /** The longest the event loop was held while the file store opened (start-up: listing every object once). */
  openMs: number;
  snapshotMs: number;
  /** The longest the event loop was held while the snapshot was written. */
  snapshotStallMs: number;
  /**
   * The longest garbage-collection pause in each of those windows: on a heap of 1,000,000 entries a
   * full collection holds the loop by itself, whatever the code does (the stalls above include it).
   */
  adminGcMs: number;
  snapshotGcMs: number;
  loadMs: number;
  reloadedEntries: number;
  /** The reloaded state is the one written, the commits made while the snapshot was written included. */
  reloadedEqual: boolean;
}

const Schema = z.object({
  tenants: z.record(
    z.string(),
    z.object({
      files: z.record(z.string(), z.object({ entries: z.record(z.string(), z.looseObject({ id: z.string() })) })),
    }),
  ),
});
type State = z.infer<typeof Schema>;

function largeState(entries: number, entryBytes: number): State {
  const filler = 'x'.repeat(Math.max(0, entryBytes - 120));
  const all: Record<
    string,
    { id: string; label: string; amount: number; lines: { account: string; debit: number }[] }
  > = {};
  for (let i = 0; i < entries; i++) {
    const id = `E${String(i).padStart(7, '0')}`;
    all[id] = { id, label: `${filler}${i}`, amount: i / 100, lines: [{ account: '411000', debit: i }] };
  }
  return { tenants: { T: { files: { F: { entries: all } } } } };
}

/** The longest garbage-collection pause seen between `start()` and `stop()`. */
function gcPauses() {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  return {
    start() {
      longest = 0;
      observer.observe({ entryTypes: ['gc'] });
    },
    stop() {
      observer.disconnect();
      return longest;
    },
  };
}

export async function sizeRun(options: { entries: number; entryBytes: number }): Promise<SizeFigures> {
  const gc = gcPauses();
  const state = largeState(options.entries, options.entryBytes);
  const store = createMemoryStore(state);
  const kit = createSimulatorKit<State>({
    name: 'size',
    title: 'Size',
    store,
    clock: createVirtualClock({ start: '2026-03-16T09:00:00Z' }),
    random: createRandom(1),
    schema: Schema,
    tenantSchema: Schema.shape.tenants.valueType,
    empty: () => ({ tenants: {} }),
    seed: () => ({ tenants: {} }),
    defaultSeed: 1,
    formatError: (error) => ({ code: error.code, message: error.message }),
  });
  kit.finish();
  const adminDelay = monitorEventLoopDelay({ resolution: 1 });
  adminDelay.enable();
  gc.start();
  let t = performance.now();
  const res = await kit.app.request('/__admin/state');
  let adminStateBytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) adminStateBytes += chunk.length;
  const adminStateMs = performance.now() - t;
  const tenantRes = await kit.app.request('/__admin/tenants/T');
  for await (const _ of tenantRes.body as unknown as AsyncIterable<Uint8Array>) void _;
  adminDelay.disable();
  const adminGcMs = gc.stop();
  kit.dispose();

  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-size-'));
  try {
    t = performance.now();
    const file = await openFileStore<State>({
      dir,
      name: 'size',
      schema: Schema,
      initial: () => state,
      fsync: false,
    });
    const openMs = performance.now() - t;
    const entryPath = (id: string) => ['tenants', 'T', 'files', 'F', 'entries', id];
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    gc.start();
    t = performance.now();
    // A compaction of the big object while writes go on: new entries, changed ones, deleted ones.
    const compaction = file.compact();
    let done = false;
    void compaction.then(() => (done = true));
    for (let n = 1; !done; n++) {
      await file.commit([
        { op: 'set', path: entryPath(`N${n}`), value: { id: `N${n}`, label: 'new', amount: n, lines: [] } },
        { op: 'set', path: [...entryPath(`E${String(n).padStart(7, '0')}`), 'label'], value: `changed ${n}` },
        { op: 'del', path: entryPath(`E${String(options.entries - n).padStart(7, '0')}`) },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await file.flush();
    const snapshotMs = performance.now() - t;
    delay.disable();
    const snapshotGcMs = gc.stop();
    await file.close();
    t = performance.now();
    const again = await openFileStore<State>({ dir, name: 'size', schema: Schema, initial: () => ({ tenants: {} }) });
    const loadMs = performance.now() - t;
    const reloadedEntries = Object.keys(again.data.tenants.T?.files.F?.entries ?? {}).length;
    const reloadedEqual = isDeepStrictEqual(again.data, file.data);
    await again.close();
    return {
      entries: options.entries,
      stateBytes: adminStateBytes,
      adminStateStatus: res.status,
      adminStateBytes,
      adminStateMs,
      adminTenantStatus: tenantRes.status,
      adminStallMs: adminDelay.max / 1e6,
      openMs,
      snapshotMs,
      snapshotStallMs: delay.max / 1e6,
      adminGcMs,
      snapshotGcMs,
      loadMs,
      reloadedEntries,
      reloadedEqual,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
