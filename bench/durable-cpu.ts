// The CPU a durable write adds to a push, in one process: pushes of the bench's ~1 KB entry to the
// Sage GE simulator through `app.request` (no socket, so only the simulator's own work is timed),
// with the memory store and with the file store (fsync on), in alternating rounds so that both
// see the same machine load. CPU time (process.cpuUsage), not wall time: the machine is shared.
// In process, 10 concurrent pushes share each append + fsync ten at a time; behind a socket the
// bench's 10 connections split into two alternating groups (measured: 5.0 pushes per append),
// so `--concurrency 5` is the closer picture of what a durable push pays for its fsync.
//   node --import tsx bench/durable-cpu.ts [--pushes 2000] [--rounds 3] [--concurrency 10] [--dir DIR]
//     [--entries N] [--only memory|file] [--layer fsync|nofsync|null] [--profile DIR]
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createVirtualClock } from '../core/clock.js';
import { nodeFileLayer, type FileLayer } from '../core/file-layer.js';
import { createMemoryStore, openFileStore, type Store } from '../core/store.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { SageGeStateSchema, type SageGeState } from '../simulators/sage-ge/state/schema.js';
import { BENCH_NOW, PUSH_PATH, benchIdentifier, benchState, pushBody } from './lib/fixtures.js';

export interface DurableCpuRound {
  store: 'memory' | 'file';
  pushes: number;
  /** CPU time (user + system) per push, µs. */
  cpuPerPush: number;
  /** Of which system time (the kernel's part: writes, fsyncs, event loop polls), µs. */
  systemPerPush: number;
  /** The garbage collector's pauses per push (µs): objects a push keeps alive while its fsync runs cost here. */
  gcPerPush: number;
  wallMs: number;
  /** Pushes per append + fsync (file store). */
  perAppend?: number;
  /** Snapshots (compactions) written during the round (file store): a small state should write none. */
  snapshots?: number;
}

/** Where to write a CPU profile of each timed round (and only of it), if anywhere. */
let profileDir: string | undefined;
let profiled = 0;

async function pushes(store: Store<SageGeState>, count: number, concurrency: number): Promise<DurableCpuRound> {
  const clock = createVirtualClock({ start: BENCH_NOW });
  const sim = createSageGeSimulator({ clock, store });
  const body = JSON.stringify(pushBody());
  const headers = { authorization: `Bearer ${benchIdentifier(store.data)}`, 'content-type': 'application/json' };
  const url = `http://127.0.0.1${PUSH_PATH}`;
  const push = async () => {
    const res = await sim.app.request(url, { method: 'POST', headers, body });
    if (res.status !== 201 && res.status !== 200 && res.status !== 202)
      throw new Error(`push answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 50; i++) await push(); // warm the route before timing
  const appendsBefore = store.stats.appends;
  const snapshotsBefore = store.stats.snapshots;
  let left = count;
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gc += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await push();
    }),
  );
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - start;
  await new Promise<void>((resolve) => setTimeout(resolve, 100)); // the observer's last entries
  observer.disconnect();
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const kind = store.location === 'memory' ? 'memory' : 'file';
    await writeFile(join(profileDir!, `${kind}-${++profiled}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  const appends = store.stats.appends - appendsBefore;
  const snapshots = store.stats.snapshots - snapshotsBefore;
  await sim.close();
  return {
    store: store.location === 'memory' ? 'memory' : 'file',
    pushes: count,
    cpuPerPush: (used.user + used.system) / count,
    systemPerPush: used.system / count,
    gcPerPush: (gc * 1000) / count,
    wallMs,
    ...(store.location === 'memory' ? {} : { perAppend: count / Math.max(appends, 1), snapshots }),
  };
}

/** The node layer, but the log's appends and fsyncs go nowhere (the snapshot files are real). */
const nullLayer: FileLayer = {
  ...nodeFileLayer,
  async open(path, flags) {
    const file = await nodeFileLayer.open(path, flags);
    if (!path.endsWith('.log')) return file;
    let header = true;
    return {
      ...file,
      async write(data) {
        if (header) await file.write(data);
        header = false;
      },
      datasync: async () => {},
    };
  },
};

export async function durableCpu(options: {
  pushes: number;
  rounds: number;
  concurrency: number;
  dir: string;
  entries?: number;
  /**
   * What the file store writes through: the disk with fsync ('fsync', the default), the disk
   * without fsync ('nofsync'), or nowhere ('null': writes and fsyncs do nothing, so what is left
   * is the store's own JavaScript).
   */
  layer?: 'fsync' | 'nofsync' | 'null';
  /** One store only (to profile it alone). */
  only?: 'memory' | 'file';
}): Promise<DurableCpuRound[]> {
  const results: DurableCpuRound[] = [];
  // Round 0 warms the JIT on both paths and is not reported.
  for (let round = 0; round <= options.rounds; round++) {
    const only = options.only;
    const report = (r: DurableCpuRound) => void (round > 0 && results.push(r));
    if (only !== 'file')
      report(await pushes(createMemoryStore(benchState(options.entries ?? 0)), options.pushes, options.concurrency));
    if (only === 'memory') continue;
    const dir = await mkdtemp(join(options.dir, 'durable-cpu-'));
    try {
      const store = await openFileStore<SageGeState>({
        dir,
        name: 'sage-ge',
        schema: SageGeStateSchema,
        initial: () => benchState(options.entries ?? 0),
        fsync: options.layer !== 'nofsync',
        fs: options.layer === 'null' ? nullLayer : nodeFileLayer,
      });
      report(await pushes(store, options.pushes, options.concurrency));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      pushes: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '10' },
      entries: { type: 'string', default: '0' },
      dir: { type: 'string' },
      only: { type: 'string' },
      layer: { type: 'string', default: 'fsync' },
      profile: { type: 'string' },
    },
  });
  profileDir = values.profile;
  const rounds = await durableCpu({
    pushes: Number(values.pushes),
    rounds: Number(values.rounds),
    concurrency: Number(values.concurrency),
    entries: Number(values.entries),
    dir: values.dir ?? tmpdir(),
    only: values.only as 'memory' | 'file' | undefined,
    layer: values.layer as 'fsync' | 'nofsync' | 'null',
  });
  for (const r of rounds)
    console.log(
      `${r.store.padEnd(6)} ${Math.round(r.cpuPerPush)} µs CPU/push (${Math.round(r.systemPerPush)} system, ${Math.round(r.gcPerPush)} GC)  ${Math.round((r.pushes * 1000) / r.wallMs)} pushes/s` +
        (r.perAppend ? `  ${r.perAppend.toFixed(1)} pushes/append, ${r.snapshots} snapshots` : ''),
    );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  if (values.only) process.exit(0);
  const memory = median(rounds.filter((r) => r.store === 'memory').map((r) => r.cpuPerPush));
  const file = median(rounds.filter((r) => r.store === 'file').map((r) => r.cpuPerPush));
  console.log(
    `median: memory ${Math.round(memory)} µs, file ${Math.round(file)} µs, extra ${Math.round(file - memory)} µs per durable push`,
  );
}
