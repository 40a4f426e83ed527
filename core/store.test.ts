import { mkdtemp, readFile, writeFile, appendFile, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { set, del } from './changes.js';
import { nodeFileLayer, type FileLayer } from './file-layer.js';
import { logRecord } from './records.js';
import { createMemoryStore, openFileStore, StoreLoadError } from './store.js';

const StateSchema = z.object({
  tenants: z.record(z.string(), z.object({ n: z.number(), tags: z.record(z.string(), z.string()).default({}) })),
});
type State = z.infer<typeof StateSchema>;
const initial = (): State => ({ tenants: { a: { n: 0, tags: {} } } });

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
/** The newest log generation's path (the one appended to). */
async function currentLog(dir: string) {
  const gens = (await readdir(dir))
    .map((f) => /^sim\.(\d+)\.log$/.exec(f))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
  return join(dir, `sim.${Math.max(...gens)}.log`);
}
const open = (dir: string, extra: { compactAfterBytes?: number } = {}) =>
  openFileStore({ dir, name: 'sim', schema: StateSchema, initial, ...extra });

describe('the memory store', () => {
  it('applies changes at their paths and deletes keys', async () => {
    const store = createMemoryStore<State>(initial());
    await store.commit([set(['tenants', 'b'], { n: 2, tags: {} }), set(['tenants', 'a', 'n'], 1)]);
    await store.commit([del(['tenants', 'a'])]);
    expect(store.data).toEqual({ tenants: { b: { n: 2, tags: {} } } });
  });

  it('refuses a prototype-polluting path and changes nothing', async () => {
    const store = createMemoryStore<State>(initial());
    expect(() => store.commit([set(['tenants', '__proto__', 'x'], 1)])).toThrow(/forbidden/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('the file store', () => {
  it('keeps every acknowledged commit across a restart', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.commit([set(['tenants', `t${i}`], { n: i, tags: {} })])),
    );
    // no close: as if the process died right after the last acknowledgement
    const again = await open(dir);
    expect(Object.keys(again.data.tenants)).toHaveLength(51);
    expect(again.data.tenants.t49).toEqual({ n: 49, tags: {} });
    await again.close();
  });

  it('coalesces concurrent commits into few log appends', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => store.commit([set(['tenants', 'a', 'tags', `k${i}`], 'v')])),
    );
    const log = await readFile(await currentLog(dir), 'utf8');
    expect(log.trim().split('\n')).toHaveLength(101); // the generation's header, then one line per commit, written by...
    expect(store.stats.commits).toBe(100);
    expect(store.stats.appends).toBeLessThanOrEqual(2); // ...one append for the first, one for all that queued behind it
    expect(Object.keys(store.data.tenants.a!.tags)).toHaveLength(100);
    await store.close();
  });

  it('drops a torn last line (a crash mid-append) and keeps the rest', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([set(['tenants', 'a', 'n'], 7)]);
    await appendFile(await currentLog(dir), '{"crc":"00000000","seq":3,"changes":[{"op":"set","pa');
    const again = await open(dir);
    expect(again.data.tenants.a!.n).toBe(7);
    await again.commit([set(['tenants', 'a', 'n'], 8)]);
    const third = await open(dir);
    expect(third.data.tenants.a!.n).toBe(8);
  });

  it('replays a log of many stream chunks, lines across chunk edges and multi-byte characters included', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.flush();
    // Written by hand: 4,000 records (about 400 KB, several 64 KiB read chunks), then a torn one.
    const records = Array.from({ length: 4000 }, (_, i) =>
      logRecord(i + 1, [set(['tenants', 'a', 'tags', `t${i % 50}`], `é€${i}`), set(['tenants', 'a', 'n'], i)]),
    );
    const logPath = await currentLog(dir);
    await appendFile(logPath, `${records.join('')}{"crc":"00000000","seq":4001,"changes":[{"op"`);
    const again = await open(dir);
    expect(again.data.tenants.a!.n).toBe(3999);
    expect(again.data.tenants.a!.tags.t49).toBe('é€3999');
    expect((await readFile(logPath, 'utf8')).endsWith('}\n')).toBe(true); // the torn record cut off
  });

  it('compacts the log into the snapshot and replays only what came after', async () => {
    const dir = await tempDir();
    const store = await open(dir, { compactAfterBytes: 200 });
    for (let i = 0; i < 30; i++) await store.commit([set(['tenants', 'a', 'n'], i)]);
    // flush waits for a compaction under way too: from here on the files no longer depend on timing.
    await store.flush();
    const snapshot = JSON.parse(await readFile(join(dir, 'sim.json'), 'utf8'));
    expect(snapshot.seq).toBeGreaterThan(1);
    expect(store.stats.snapshots).toBeGreaterThan(1);
    // The logs left hold exactly the records after the snapshot's: the ones before it are gone.
    const logs = (await readdir(dir)).filter((f) => f.endsWith('.log'));
    const records = (await Promise.all(logs.map((f) => readFile(join(dir, f), 'utf8'))))
      .flatMap((text) => text.trim().split('\n').slice(1))
      .map((line) => JSON.parse(line).seq as number)
      .sort((a, b) => a - b);
    expect(records).toEqual(Array.from({ length: 30 - snapshot.seq }, (_, i) => snapshot.seq + 1 + i));
    const again = await open(dir);
    expect(again.data.tenants.a!.n).toBe(29);
  });

  it('flush waits for a compaction under way: the snapshot is in place when it resolves', async () => {
    const dir = await tempDir();
    // Once armed, the snapshot's temporary file is held until released: the compaction is under way for sure.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let armed = false;
    const fs: FileLayer = {
      ...nodeFileLayer,
      async open(path, flags) {
        const file = await nodeFileLayer.open(path, flags);
        if (!armed || !path.endsWith('.tmp')) return file;
        return {
          ...file,
          async write(data) {
            await held;
            await file.write(data);
          },
        };
      },
    };
    const store = await openFileStore({ dir, name: 'sim', schema: StateSchema, initial, fs });
    await store.commit([set(['tenants', 'a', 'n'], 1)]);
    const snapshots = store.stats.snapshots;
    armed = true;
    void store.compact();
    let flushed = false;
    const flushing = store.flush().then(() => (flushed = true));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(flushed).toBe(false);
    release();
    await flushing;
    expect(store.stats.snapshots).toBe(snapshots + 1);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.log'))).toHaveLength(1);
  });

  it('compacts once the log is twice the snapshot (and over the minimum), not before', async () => {
    const dir = await tempDir();
    const store = await open(dir, { compactAfterBytes: 1 });
    const tags = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`t${i}`, 'x'.repeat(40)]));
    await store.replace({ tenants: { a: { n: 0, tags } } });
    const snapshotBytes = (await readFile(join(dir, 'sim.json'))).length;
    const snapshots = store.stats.snapshots;
    const logBytes = async () => (await readFile(await currentLog(dir))).length;
    let n = 0;
    while ((await logBytes()) + 200 < 2 * snapshotBytes && store.stats.snapshots === snapshots && n < 10_000)
      await store.commit([set(['tenants', 'a', 'n'], ++n)]);
    expect(store.stats.snapshots).toBe(snapshots);
    while (store.stats.snapshots === snapshots && n < 10_000) await store.commit([set(['tenants', 'a', 'n'], ++n)]);
    await store.flush();
    expect(store.stats.snapshots).toBe(snapshots + 1);
    // One generation left: its header and what was committed while the snapshot was written.
    expect((await readdir(dir)).filter((f) => f.endsWith('.log'))).toHaveLength(1);
    expect(await logBytes()).toBeLessThan(snapshotBytes);
    expect((await open(dir)).data.tenants.a!.n).toBe(n);
  });

  it('refuses a snapshot that is not JSON, naming the file, and leaves it as it is', async () => {
    const dir = await tempDir();
    const path = join(dir, 'sim.json');
    await writeFile(path, '{"format":"ledgersim-state/1", oops');
    const error = await open(dir).catch((e) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not valid JSON/);
    expect(await readFile(path, 'utf8')).toBe('{"format":"ledgersim-state/1", oops');
  });

  it('refuses a snapshot that does not match the schema, naming the first issue', async () => {
    const dir = await tempDir();
    const path = join(dir, 'sim.json');
    const text = JSON.stringify({ format: 'ledgersim-state/1', seq: 0, state: { tenants: { a: { n: 'seven' } } } });
    await writeFile(path, text);
    const error = await open(dir).catch((e) => e);
    expect(error).toBeInstanceOf(StoreLoadError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('tenants.a.n');
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('replaces the whole state durably', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.replace({ tenants: { z: { n: 26, tags: {} } } });
    const again = await open(dir);
    expect(again.data).toEqual({ tenants: { z: { n: 26, tags: {} } } });
  });
});

describe('a batch of changes', () => {
  it('is all or nothing: a forbidden key anywhere leaves the state as it was', async () => {
    const store = createMemoryStore<State>(initial());
    expect(() => store.commit([set(['tenants', 'a', 'n'], 99), set(['tenants', 'constructor', 'n'], 1)])).toThrow(
      /forbidden/,
    );
    expect(store.data).toEqual(initial());
  });
});
