import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { set } from './changes.js';
import { faultyFileLayer, nodeFileLayer } from './file-layer.js';
import { createKeyIndex } from './key-index.js';
import { loadData } from './load.js';
import { seal } from './records.js';
import { openFileStore, StoreLoadError, StoreUnavailableError, type Store } from './store.js';

const StateSchema = z.object({
  tenants: z.record(z.string(), z.object({ n: z.number(), tags: z.record(z.string(), z.string()).default({}) })),
});
type State = z.infer<typeof StateSchema>;
const initial = (): State => ({ tenants: { a: { n: 0, tags: {} } } });

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-durable-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const open = (dir: string, extra: Partial<Parameters<typeof openFileStore<State>>[0]> = {}) =>
  openFileStore<State>({ dir, name: 'sim', schema: StateSchema, initial, ...extra });

/** The directory as a crash would leave it now: a copy, opened by a second store, never closed. */
async function reopenCopy(dir: string): Promise<Store<State>> {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  return open(copy);
}

describe('one writer: replaces racing concurrent commits', () => {
  it('a restart finds exactly what was acknowledged, whatever the interleaving', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const acknowledged: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        const key = `w${w}-${i}`;
        await store.commit([set(['tenants', 'a', 'tags', key], 'v')]);
        acknowledged.push(key);
      }
    };
    const replacer = async () => {
      for (let r = 0; r < 5; r++) {
        await new Promise((resolve) => setImmediate(resolve));
        // Keeps what is there and adds a marker: nothing acknowledged is meant to go.
        const next = structuredClone(store.data);
        next.tenants[`replaced-${r}`] = { n: r, tags: {} };
        await store.replace(next);
      }
    };
    await Promise.all([replacer(), ...Array.from({ length: 16 }, (_, w) => writer(w))]);
    await store.flush();
    const again = await reopenCopy(dir);
    expect(again.data).toEqual(store.data);
    // Each replace kept the state it was given; some commits may have landed before a replace's clone: those are rightly gone.
    for (let r = 0; r < 5; r++) expect(again.data.tenants[`replaced-${r}`]).toEqual({ n: r, tags: {} });
    expect(acknowledged.length).toBe(16 * 25);
  });

  it('a replace starts a new log generation and leaves no record it did not write cut off', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([set(['tenants', 'a', 'n'], 1)]);
    const before = (await readdir(dir)).filter((f) => f.endsWith('.log'));
    const pushes = Array.from({ length: 20 }, (_, i) => store.commit([set(['tenants', 'a', 'tags', `k${i}`], 'x')]));
    const replaced = store.replace({ tenants: { b: { n: 2, tags: {} } } });
    const after = Array.from({ length: 20 }, (_, i) => store.commit([set(['tenants', 'b', 'tags', `k${i}`], 'y')]));
    await Promise.all([...pushes, replaced, ...after]);
    const now = (await readdir(dir)).filter((f) => f.endsWith('.log'));
    expect(now).not.toEqual(before);
    const again = await reopenCopy(dir);
    expect(Object.keys(again.data.tenants.b!.tags)).toHaveLength(20);
    expect(again.data.tenants.a).toBeUndefined();
  });
});

describe('a write is in memory only with its durability', () => {
  it('disk full mid-append: refused with nothing changed, read-only, nothing torn, writable again once a probe succeeds', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const store = await open(dir, { fs: layer });
    await store.commit([set(['tenants', 'a', 'n'], 1)]);
    const before = structuredClone(store.data);

    control.failing = 'ENOSPC';
    control.partialBytes = 25; // the disk takes part of the line, then fills up
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => store.commit([set(['tenants', 'a', 'tags', `t${i}`], 'lost')])),
    );
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof StoreUnavailableError)).toBe(true);
    expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/ENOSPC/);
    expect(store.data).toEqual(before);
    expect(store.writable).toBe(false);

    // Still full: refused at once, still nothing changed.
    await expect(store.commit([set(['tenants', 'a', 'n'], 2)])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.flush();
    expect(store.data).toEqual(before);
    expect(store.writable).toBe(false);

    control.failing = null; // space is back: the next write probes
    await expect(store.commit([set(['tenants', 'a', 'n'], 3)])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.flush();
    expect(store.writable).toBe(true);
    await store.commit([set(['tenants', 'a', 'n'], 4)]);
    expect(store.data.tenants.a!.n).toBe(4);

    const loaded = await loadData(nodeFileLayer, dir, 'sim');
    expect(loaded.tornBytes).toBe(0);
    const again = await reopenCopy(dir);
    expect(again.data).toEqual(store.data);
    expect(again.data.tenants.a!.tags).toEqual({});
  });

  it('an I/O error on fsync (the line written, not durable): undone, and not replayed after a restart', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const store = await open(dir, { fs: layer });
    await store.commit([set(['tenants', 'a', 'n'], 5)]);
    control.failing = 'EIO';
    control.syncOnly = true;
    await expect(store.commit([set(['tenants', 'a', 'n'], 6)])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.data.tenants.a!.n).toBe(5);
    control.failing = null;
    await store.commit([set(['tenants', 'a', 'n'], 7)]).catch(() => {}); // refused: it starts the probe
    await store.flush();
    await store.commit([set(['tenants', 'a', 'tags', 'after'], 'ok')]);
    const again = await reopenCopy(dir);
    expect(again.data.tenants.a).toEqual({ n: 5, tags: { after: 'ok' } });
  });

  it('a replace that cannot be made durable is undone with every change made on top of it', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const store = await open(dir, { fs: layer });
    await store.commit([set(['tenants', 'a', 'n'], 1)]);
    const before = structuredClone(store.data);
    control.failing = 'ENOSPC';
    const replaced = store.replace({ tenants: { z: { n: 9, tags: {} } } });
    const onTop = store.commit([set(['tenants', 'z', 'n'], 10)]);
    await expect(replaced).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(onTop).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.data).toEqual(before);
    control.failing = null;
    const again = await reopenCopy(dir);
    expect(again.data).toEqual(before);
  });
});

void readFile;

const bigState = (entries: number): State => ({
  tenants: Object.fromEntries(
    Array.from({ length: entries }, (_, i) => [`t${i}`, { n: i, tags: { label: `entry ${i} ${'x'.repeat(100)}` } }]),
  ),
});

describe('the snapshot is a stream, and compaction does not hold the event loop', () => {
  it('writes and reads back a state whose JSON is 30 times the longest string the writer may build', async () => {
    const dir = await tempDir();
    const state = bigState(20_000);
    const limit = 64 * 1024;
    expect(JSON.stringify(state).length).toBeGreaterThan(30 * limit);
    const store = await open(dir, { initial: () => state, maxStringChars: limit, fsync: false });
    await store.commit([set(['tenants', 't1', 'n'], -1)]);
    await store.close();
    const again = await open(dir);
    expect(again.data.tenants.t1!.n).toBe(-1);
    expect(Object.keys(again.data.tenants)).toHaveLength(20_000);
    expect(again.data.tenants.t19999).toEqual(state.tenants.t19999);
  });

  it('the writer refuses to build a string past its limit (what V8 does at 512 MiB), so the test above means something', async () => {
    const dir = await tempDir();
    const state = { tenants: { huge: { n: 0, tags: { one: 'y'.repeat(10_000) } } } };
    await expect(open(dir, { initial: () => state, maxStringChars: 4096 })).rejects.toThrow(/Invalid string length/);
  });

  it('compacts across many turns while commits go on and are acknowledged before it ends', async () => {
    const dir = await tempDir();
    const store = await open(dir, { initial: () => bigState(20_000), compactAfterBytes: 1, fsync: false, sliceMs: 0 });
    const snapshots = store.stats.snapshots;
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // A log twice the snapshot's size (about 2.4 MB) starts a compaction.
    const tags = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'z'.repeat(1000)]));
    for (let i = 0; i < 6 && store.stats.snapshots === snapshots; i++)
      await store.commit([set(['tenants', 't0', 'tags'], tags)]);
    // Under way: a new generation is open beside the old one until the snapshot is in place.
    const logs = async () => (await readdir(dir)).filter((f) => f.endsWith('.log')).length;
    while ((await logs()) < 2) await new Promise((resolve) => setImmediate(resolve));
    await store.commit([set(['tenants', 't1', 'n'], 42)]);
    const acknowledgedDuring = store.stats.snapshots === snapshots;
    await store.flush();
    while (store.stats.snapshots === snapshots) await new Promise((resolve) => setTimeout(resolve, 5));
    ticking = false;
    expect(acknowledgedDuring).toBe(true);
    expect(turns).toBeGreaterThan(10_000); // a slice of 0 ms: the loop turns after each of the 20,000 chunks
    await store.flush();
    const again = await reopenCopy(dir);
    expect(again.data.tenants.t1!.n).toBe(42);
  });

  it('compacts one big object without ever listing its keys in one step, while commits add and delete some, and reloads to the same state', async () => {
    const dir = await tempDir();
    const keys = 30_000;
    const tags = Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, `v${i}`]));
    const state = { tenants: { a: { n: 0, tags } } };
    const store = await open(dir, {
      initial: () => state,
      compactAfterBytes: 1,
      fsync: false,
      keyIndex: createKeyIndex({ big: 1000 }),
      maxStringChars: 200 * 1024, // the big object as one chunk (~400 KB) would be past it
    });
    // From now on, every whole listing of an object that big is counted, whoever makes it.
    let wholeListings = 0;
    const spies = (['keys', 'values', 'entries'] as const).map((name) => {
      const original = Object[name] as (value: object) => unknown[];
      return vi.spyOn(Object, name).mockImplementation(((value: object) => {
        const found = original(value);
        if (found.length >= 1000) wholeListings += 1;
        return found;
      }) as never);
    });
    const snapshots = store.stats.snapshots;
    // Big commits grow the log past twice the snapshot: a compaction starts; small ones race it.
    const payload = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, 'z'.repeat(1000)]));
    for (let i = 0; i < 60 && store.stats.snapshots === snapshots; i++) {
      await store.commit([set(['tenants', `big${i}`], { n: i, tags: payload })]);
      await Promise.all([
        store.commit([set(['tenants', 'a', 'tags', `added${i}`], 'new')]),
        store.commit([{ op: 'del', path: ['tenants', 'a', 'tags', `k${i * 7}`] }]),
      ]);
    }
    while (store.stats.snapshots === snapshots) {
      await store.commit([set(['tenants', 'a', 'tags', `during${store.stats.commits}`], 'x')]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await store.flush();
    for (const spy of spies) spy.mockRestore();
    expect(wholeListings).toBe(0);
    const again = await reopenCopy(dir);
    expect(again.data).toEqual(store.data);
    expect(Object.keys(again.data.tenants.a!.tags).length).toBe(Object.keys(store.data.tenants.a!.tags).length);
  });

  it('does not compact a small state before the log reaches the minimum size (64 MiB by default)', async () => {
    const dir = await tempDir();
    const store = await open(dir, { fsync: false });
    const snapshots = store.stats.snapshots;
    for (let i = 0; i < 2000; i++) await store.commit([set(['tenants', 'a', 'n'], i)]);
    expect(store.stats.snapshots).toBe(snapshots);
  });
});

describe('a compaction that fails', () => {
  it('is reported once with its cause, retried only as the log grows (less often each time), loses nothing, and is reported again after a success', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const reported: unknown[] = [];
    const store = await open(dir, {
      fs: layer,
      compactAfterBytes: 1,
      fsync: false,
      onCompactionError: (error) => reported.push(error),
    });
    control.failing = 'ENOSPC';
    control.paths = /\.tmp$/; // no room for a snapshot; the appends still fit
    // Each record (~560 bytes) takes the log past twice the snapshot (~250 bytes): a compaction
    // retried at every append would be tried about 300 times here.
    for (let i = 0; i < 300; i++) await store.commit([set(['tenants', 'a', 'tags', `k${i}`], 'x'.repeat(500))]);
    await store.flush();
    expect(store.writable).toBe(true);
    expect(reported).toHaveLength(1);
    expect((reported[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
    // Waiting for the log to grow by 500 bytes, then 1,000, 2,000…: 168 KB of records allow about 9 attempts.
    expect(control.failures).toBeGreaterThan(1);
    expect(control.failures).toBeLessThanOrEqual(12);
    expect(store.stats.compactionFailures).toBe(control.failures);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await (await reopenCopy(dir)).data).toEqual(store.data);

    control.failing = null; // room again: the next compaction puts everything in one snapshot
    const snapshots = store.stats.snapshots;
    await store.compact();
    expect(store.stats.snapshots).toBe(snapshots + 1);
    expect((await readdir(dir)).filter((f) => f.endsWith('.log'))).toHaveLength(1);
    expect((await reopenCopy(dir)).data).toEqual(store.data);

    control.failing = 'EIO'; // a new run of failures after a success is told again
    await store.compact();
    expect(reported).toHaveLength(2);
    expect((reported[1] as NodeJS.ErrnoException).code).toBe('EIO');
    expect(Object.keys(store.data.tenants.a!.tags)).toHaveLength(300);
  });
});

describe('indexes over the state follow an undone write', () => {
  it('onApplied tells of the commit, then of its undoing: an index built on it answers the state as it is', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const store = await open(dir, { fs: layer });
    const told: (string | undefined)[] = [];
    store.onApplied((changes) => told.push(changes?.map((c) => c.path.join('.')).join(',')));
    // An index of n → tenant, as the credential index keeps one.
    const byN = new Map<number, string>();
    const rebuild = () => {
      byN.clear();
      for (const [id, t] of Object.entries(store.data.tenants)) byN.set(t.n, id);
    };
    store.onApplied(rebuild);
    rebuild();
    control.failing = 'ENOSPC';
    const lost = store.commit([set(['tenants', 'a', 'n'], 7)]);
    expect(byN.get(7)).toBe('a'); // applied at once: the next request sees it
    await expect(lost).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(byN.get(7)).toBeUndefined();
    expect(byN.get(0)).toBe('a');
    expect(told).toEqual(['tenants.a.n', undefined]);
  });
});

describe('durable(): what a reader waits for', () => {
  it('is undefined with nothing in flight, settles with the commits in flight, and an empty commit (a replay) fails with them', async () => {
    const dir = await tempDir();
    const { layer, control } = faultyFileLayer();
    const store = await open(dir, { fs: layer });
    expect(store.durable()).toBeUndefined();
    const first = store.commit([set(['tenants', 'a', 'n'], 1)]);
    const durable = store.durable();
    expect(durable).toBeInstanceOf(Promise);
    await first;
    await durable;
    expect(store.durable()).toBeUndefined();

    control.failing = 'EIO';
    control.syncOnly = true;
    const lost = store.commit([set(['tenants', 'a', 'n'], 2)]);
    const replay = store.commit([]); // read n = 2, wrote nothing: must not answer as if it held
    await expect(lost).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(replay).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.data.tenants.a!.n).toBe(1);
  });
});

describe('a start after a clean stop: the store trusts its own snapshot, and only it', () => {
  // Counts the schema's work: `n` is checked once per tenant whenever the state is validated.
  let checks = 0;
  const Counting = z.object({
    tenants: z.record(
      z.string(),
      z.object({
        n: z.number().refine(() => ++checks > 0),
        tags: z.record(z.string(), z.string()).default({}),
      }),
    ),
  });
  const openCounting = (dir: string) =>
    openFileStore<State>({ dir, name: 'sim', schema: Counting as unknown as z.ZodType<State>, initial });

  it('a snapshot it wrote and closed is loaded without running the schema, and equal to what it held', async () => {
    const dir = await tempDir();
    const store = await openCounting(dir);
    await store.commit([set(['tenants', 'b'], { n: 2, tags: { x: 'y' } })]);
    await store.close();
    checks = 0;
    const again = await openCounting(dir);
    expect(checks).toBe(0);
    expect(again.data).toEqual(store.data);
    await again.close();
  });

  it('after a crash (log records to replay) the whole state is validated', async () => {
    const dir = await tempDir();
    const store = await openCounting(dir);
    await store.commit([set(['tenants', 'b'], { n: 2, tags: {} })]);
    await store.flush();
    checks = 0;
    const again = await openCounting(await copyOf(dir));
    expect(checks).toBe(2);
    expect(again.data).toEqual(store.data);
  });

  it('a snapshot line changed and sealed again (its checksum made right) is validated, and refused when it breaks the schema', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([set(['tenants', 'a', 'n'], 7)]);
    await store.close();
    const path = join(dir, 'sim.json');
    const lines = (await readFile(path, 'utf8')).split('\n');
    const at = lines.findIndex((line) => line.includes('"n":7'));
    const comma = lines[at]!.endsWith(',') ? ',' : '';
    const body = comma ? lines[at]!.slice(0, -1) : lines[at]!;
    lines[at] = `${seal(`{${body.slice(18).replace('"n":7', '"n":"seven"')}`)}${comma}`;
    await writeFile(path, lines.join('\n'));
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as StoreLoadError).message).toMatch(/does not match the state schema: tenants\.a\.n/);
  });

  it('the big objects of a snapshot it wrote are indexed from the load, without walking the state', async () => {
    const dir = await tempDir();
    const tags = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, `v${i}`]));
    const store = await open(dir, {
      initial: () => ({ tenants: { a: { n: 0, tags }, b: { n: 1, tags: { x: 'y' } } } }),
      keyIndex: createKeyIndex({ big: 1000 }),
    });
    await store.close();
    const listed: object[] = [];
    const index = createKeyIndex({
      big: 1000,
      list: (value) => {
        listed.push(value);
        return Object.keys(value);
      },
    });
    const again = await open(dir, { keyIndex: index });
    expect(again.data).toEqual(store.data);
    const loaded = again.data.tenants.a!.tags;
    expect(index.isBig(loaded)).toBe(true);
    expect([...index.keysOf(loaded)].sort()).toEqual(Object.keys(loaded).sort());
    expect(listed).toEqual([]); // its keys came from the load: nothing listed, nothing walked to
  });

  it('a snapshot written under another schema is validated: a default added since is applied', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.close();
    const Labelled = z.object({
      tenants: z.record(
        z.string(),
        z.object({ n: z.number(), tags: z.record(z.string(), z.string()), label: z.string().default('none') }),
      ),
    });
    const again = await openFileStore({ dir, name: 'sim', schema: Labelled, initial });
    expect(again.data.tenants.a).toEqual({ n: 0, tags: {}, label: 'none' });
  });
});

async function copyOf(dir: string): Promise<string> {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  return copy;
}
