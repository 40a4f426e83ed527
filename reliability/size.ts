import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import { createVirtualClock } from '../core/clock.js';
import { createRandom } from '../core/random.js';
import { createMemoryStore, openFileStore } from '../core/store.js';
import { createSimulatorKit } from '../simulators/kit/simulator-kit.js';

/**
 * A state past what one string can hold: `entries` entries of about `entryBytes` each, in one
 * tenant's file. Measures the admin read of it (streamed), the snapshot written at close (the
 * same incremental writer as compaction) with the longest event-loop stall meanwhile, and the
 * load at the next start.
 */
export interface SizeFigures {
  entries: number;
  stateBytes: number;
  adminStateStatus: number;
  adminStateBytes: number;
  adminStateMs: number;
  adminTenantStatus: number;
  snapshotMs: number;
  /** The longest the event loop was held while the snapshot was written. */
  snapshotStallMs: number;
  loadMs: number;
  reloadedEntries: number;
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

export async function sizeRun(options: { entries: number; entryBytes: number }): Promise<SizeFigures> {
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
  let t = performance.now();
  const res = await kit.app.request('/__admin/state');
  let adminStateBytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) adminStateBytes += chunk.length;
  const adminStateMs = performance.now() - t;
  const tenantRes = await kit.app.request('/__admin/tenants/T');
  for await (const _ of tenantRes.body as unknown as AsyncIterable<Uint8Array>) void _;
  kit.dispose();

  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-size-'));
  try {
    const file = await openFileStore<State>({ dir, name: 'size', schema: Schema, initial: () => state });
    await file.commit([
      { op: 'set', path: ['tenants', 'T', 'files', 'F', 'entries', 'E0000000', 'label'], value: 'changed' },
    ]);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    t = performance.now();
    await file.close(); // a final snapshot: the incremental writer compaction uses
    const snapshotMs = performance.now() - t;
    delay.disable();
    t = performance.now();
    const again = await openFileStore<State>({ dir, name: 'size', schema: Schema, initial: () => ({ tenants: {} }) });
    const loadMs = performance.now() - t;
    const reloadedEntries = Object.keys(again.data.tenants.T?.files.F?.entries ?? {}).length;
    await again.close();
    return {
      entries: options.entries,
      stateBytes: adminStateBytes,
      adminStateStatus: res.status,
      adminStateBytes,
      adminStateMs,
      adminTenantStatus: tenantRes.status,
      snapshotMs,
      snapshotStallMs: delay.max / 1e6,
      loadMs,
      reloadedEntries,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
