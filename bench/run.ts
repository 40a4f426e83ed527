// `npm run bench`: ledgersim against baselines measured in the same run, on this machine (issue 8).
// Every server runs in its own child process (pinned to core 1 when `taskset` is there), autocannon
// runs in this one (core 0); everything listens on 127.0.0.1 and is stopped in `finally`.
//
//   node --import tsx bench/run.ts [--quick] [--runs N] [--duration SECONDS] [--million]
//
// --million adds the 1,000,000-entry rows (durable push, a compaction of that state, start-up of
// such a data directory): they need a few GB of disk and several minutes each, so they are opt-in.
//
// Prints a table (Markdown, so it can be pasted into the README) and writes bench/results.json.
import { BUNDLE } from '../bin/load-bundle.js';
import { measureDashboard } from './dashboard.js';
import { measureBridge } from './msw-bridge.js';
import { MANY, measureTenants } from './tenants.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BENCH_NOW,
  BENCH_SEED,
  PUSH_PATH,
  benchIdentifier,
  benchState,
  checkState,
  pushBody,
  writeNaiveDb,
  writeSnapshot,
  writeUncompacted,
} from './lib/fixtures.js';
import { load, type LoadResult } from './lib/load.js';
import {
  cpuTimeOf,
  freePortBase,
  memoryOf,
  pinning,
  setUpPinning,
  spawnNode,
  stop,
  stopAll,
  waitForOutput,
  type Spawned,
} from './lib/processes.js';
import { median, summarize, type Summary } from './lib/stats.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'bench', 'results.json');
const CONNECTIONS = 10;
const STORED = [0, 10_000, 100_000] as const;
const MILLION = 1_000_000;
/** The stall rows' limit: the slowest answer of a durable run that includes a compaction. */
const MAX_STALL_MS = 50;
/**
 * The tail is judged at a fixed rate below saturation: with ten connections kept busy, every
 * answer waits behind the nine others and p99 measures the queue (10 / throughput), not the
 * pauses (a collector's, a stall) that the ≤ 2 ms target is about. Half the memory push's
 * throughput on this kind of machine.
 */
const TAIL_RATE = 2_000;
/** The whole bench should stay within a few minutes; past this estimate the push runs are shortened. */
const BUDGET_SECONDS = 300;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    duration: { type: 'string' },
    million: { type: 'boolean', default: false },
  },
  strict: true,
});
const runs = Number(flags.runs ?? (flags.quick ? 1 : 3));
const notes: string[] = [];
let pushSeconds = Number(flags.duration ?? (flags.quick ? 3 : 10));
const warmSeconds = 1;
if (!Number.isInteger(runs) || runs < 1 || !(pushSeconds > 0))
  throw new Error('--runs must be a whole number ≥ 1 and --duration a number of seconds > 0');
// Per round: nine push targets (two of them at a fixed rate) (server start + one request + warm-up + run), the longer
// 100,000-entry starts (one of them replaying its log), four start-ups, the scenario suite.
// The --million rows come on top, outside this budget.
const estimate = (seconds: number) => runs * (9 * (seconds + warmSeconds + 4.5) + 6 + 15 + 5 + 5);
if (flags.duration === undefined && estimate(pushSeconds) > BUDGET_SECONDS) {
  notes.push(
    `push runs shortened from ${pushSeconds} s to 5 s each, to keep ${runs} runs within about ${BUDGET_SECONDS / 60} minutes`,
  );
  pushSeconds = 5;
}

/** One row of the table and of results.json. */
interface Metric {
  name: string;
  value: number | null;
  unit: string;
  /** What the value is compared with, and its median. */
  baselineName: string | null;
  baseline: number | null;
  /** value / baseline (or, for "× slower" rows, baseline / value, as the target reads). */
  ratio: number | null;
  target: string;
  pass: boolean | null;
  min: number | null;
  max: number | null;
  runs: number[];
  note?: string;
}

// ---------------------------------------------------------------- servers under load

interface Started {
  spawned: Spawned;
  url: string;
  headers: Record<string, string>;
  /** The data directory, for a durable target. */
  dir?: string;
}

type TargetName =
  | 'echo'
  | 'memory'
  | 'data-0'
  | 'data-10000'
  | 'data-100000'
  | 'naive-10000'
  | 'compact-100000'
  | 'data-1000000'
  | 'compact-1000000';

/** A durable run long enough for a compaction of this many entries to finish inside it. */
const runSecondsOf = (target: TargetName) => (target === 'compact-1000000' ? Math.max(pushSeconds, 60) : pushSeconds);

const body = JSON.stringify(pushBody());
let workDir = '';
const prepared: {
  snapshots: Record<number, string>;
  /** Directories whose entries are all in the log: the first push starts a compaction. */
  uncompacted: Record<number, string>;
  naiveDb: string;
  identifier: string;
} = {
  snapshots: {},
  uncompacted: {},
  naiveDb: '',
  identifier: '',
};

async function prepare(): Promise<void> {
  workDir = await mkdtemp(join(tmpdir(), 'ledgersim-bench-'));
  for (const count of flags.million ? [...STORED, MILLION] : STORED) {
    const state = benchState(count);
    if (count === 0) {
      checkState(benchState(3));
      prepared.identifier = benchIdentifier(state);
    }
    const path = join(workDir, `sage-ge-${count}.json`);
    const bytes = await writeSnapshot(path, state);
    prepared.snapshots[count] = path;
    if (count === 10_000) {
      prepared.naiveDb = join(workDir, 'naive-10000.json');
      const naiveBytes = await writeNaiveDb(prepared.naiveDb, state);
      console.log(
        `  prepared ${count.toLocaleString('en')} entries: snapshot ${mib(bytes)}, naive lowdb file ${mib(naiveBytes)}`,
      );
    } else console.log(`  prepared ${count.toLocaleString('en')} entries: snapshot ${mib(bytes)}`);
  }
  for (const count of flags.million ? [100_000, MILLION] : [100_000]) {
    const dir = join(workDir, `uncompacted-${count}`);
    await mkdir(dir);
    const bytes = await writeUncompacted(join(dir, 'sage-ge.json'), count);
    prepared.uncompacted[count] = dir;
    console.log(`  prepared ${count.toLocaleString('en')} entries in the log, none compacted: log ${mib(bytes)}`);
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

let runCounter = 0;
async function freshDir(): Promise<string> {
  const dir = join(workDir, `run-${++runCounter}`);
  await mkdir(dir);
  return dir;
}

async function startTarget(target: TargetName): Promise<Started> {
  if (target === 'echo') {
    const spawned = spawnNode(['--import', 'tsx', 'bench/servers/echo.ts'], ROOT);
    const match = await waitForOutput(spawned, /LISTENING (\d+)/, 30_000);
    return {
      spawned,
      url: `http://127.0.0.1:${match[1]}${PUSH_PATH}`,
      headers: { authorization: `Bearer ${prepared.identifier}` },
    };
  }
  if (target === 'naive-10000') {
    const file = join(await freshDir(), 'db.json');
    await copyFile(prepared.naiveDb, file);
    const spawned = spawnNode(['--import', 'tsx', 'bench/servers/lowdb-naive.ts', '--file', file], ROOT);
    const match = await waitForOutput(spawned, /LISTENING (\d+)/, 60_000);
    return { spawned, url: `http://127.0.0.1:${match[1]}${PUSH_PATH}`, headers: {} };
  }
  const args = [...ledgersimArgs(), 'start', '--port-base', '0', '--seed', String(BENCH_SEED), '--now', BENCH_NOW];
  let dir: string | undefined;
  if (target !== 'memory') {
    dir = await freshDir();
    const count = Number(target.slice(target.indexOf('-') + 1));
    if (target.startsWith('compact-')) {
      await copyFile(join(prepared.uncompacted[count]!, 'sage-ge.json'), join(dir, 'sage-ge.json'));
      await copyFile(join(prepared.uncompacted[count]!, 'sage-ge.1.log'), join(dir, 'sage-ge.1.log'));
    } else await copySnapshotDir(prepared.snapshots[count]!, dir);
    args.push('--data', dir);
  }
  const spawned = spawnNode(args, ROOT);
  await waitForOutput(spawned, /Ctrl-C stops\./, target.endsWith('1000000') ? 900_000 : 180_000);
  const url = /^Sage GE\s+(http:\/\/\S+)/m.exec(spawned.output())?.[1];
  const identifier = /^\s+ENT-1 .*Authorization: Bearer (\S+)/m.exec(spawned.output())?.[1];
  if (!url || !identifier)
    throw new Error(
      `could not read the Sage GE URL and ENT-1's identifier from ledgersim start's output:\n${spawned.output()}`,
    );
  if (identifier !== prepared.identifier)
    throw new Error('ledgersim start serves another ENT-1 identifier than the bench built its state with');
  return { spawned, url: `${url}${PUSH_PATH}`, headers: { authorization: `Bearer ${identifier}` }, dir };
}

/** A prepared snapshot and the log generation it names (the store refuses a snapshot whose log is missing). */
async function copySnapshotDir(snapshot: string, dir: string): Promise<void> {
  await copyFile(snapshot, join(dir, 'sage-ge.json'));
  await copyFile(snapshot.replace(/\.json$/, '.1.log'), join(dir, 'sage-ge.1.log'));
}

/** The newest log generation of a data directory: a compaction starts a new one. */
async function generations(dir: string | undefined): Promise<number> {
  if (!dir) return 0;
  const gens = (await readdir(dir)).map((name) => /^sage-ge\.(\d+)\.log$/.exec(name)?.[1]).filter(Boolean);
  return Math.max(0, ...gens.map(Number));
}

/**
 * `ledgersim start --data` on a directory of `count` entries (snapshot, empty log): milliseconds
 * from the spawn to the printed URLs (load and replay done, every server listening), and the
 * resident memory then and at its peak (MiB).
 */
async function measureDataStartup(count: number): Promise<{ ms: number; rss: number | null; peak: number | null }> {
  const dir = await freshDir();
  await copySnapshotDir(prepared.snapshots[count]!, dir);
  const t0 = performance.now();
  const spawned = spawnNode(
    [...ledgersimArgs(), 'start', '--port-base', '0', '--seed', String(BENCH_SEED), '--now', BENCH_NOW, '--data', dir],
    ROOT,
  );
  try {
    await waitForOutput(spawned, /Ctrl-C stops\./, 900_000);
    const ms = performance.now() - t0;
    const memory = memoryOf(spawned.pid);
    return { ms, rss: memory?.rss ?? null, peak: memory?.peak ?? null };
  } finally {
    await stop(spawned);
    await rm(dir, { recursive: true, force: true });
  }
}

interface PushSample extends LoadResult {
  /** Resident memory of the server once started, before any load (MiB). */
  rssIdle: number | null;
  /** Peak resident memory over its life, read after the run (MiB). */
  rssPeak: number | null;
  /** CPU time (user + system) the server spent per answered request during the measured run (µs): less sensitive than req/s to a machine shared with other work. */
  cpuPerRequest: number | null;
  /** Whether the store began a new log generation (a compaction) during the warm-up or the run. */
  compacted: boolean;
}

/** One run against a fresh server: a checked request, a warm-up, then the measured load. */
async function measurePush(target: TargetName, rate?: number): Promise<PushSample> {
  const started = await startTarget(target);
  try {
    const check = await fetch(started.url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...started.headers },
    });
    const answer = await check.text();
    if (check.status !== 202) throw new Error(`${target}: the push answered ${check.status}, not 202: ${answer}`);
    const stall = target.startsWith('compact-');
    // A compaction target is measured from its first push on: that push starts the compaction.
    if (!stall) await sleep(500);
    const generationsBefore = stall ? 1 : await generations(started.dir);
    const idle = memoryOf(started.spawned.pid);
    const options = { url: started.url, body, headers: started.headers, connections: CONNECTIONS, rate };
    if (!stall) await load({ ...options, durationSeconds: warmSeconds });
    const cpuBefore = cpuTimeOf(started.spawned.pid);
    const result = await load({ ...options, durationSeconds: runSecondsOf(target) });
    const compacted = (await generations(started.dir)) > generationsBefore;
    const cpuAfter = cpuTimeOf(started.spawned.pid);
    const after = memoryOf(started.spawned.pid);
    const cpuPerRequest =
      cpuBefore !== null && cpuAfter !== null && result.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.total
        : null;
    return { ...result, rssIdle: idle?.rss ?? null, rssPeak: after?.peak ?? null, cpuPerRequest, compacted };
  } finally {
    await stop(started.spawned);
  }
}

/** The disk loop in a child process of its own, on the servers' core, as a server would run. */
async function measureDiskLoop(): Promise<{ recordsPerSecond: number; cpuPerRecord: number }> {
  const spawned = spawnNode(
    [
      '--import',
      'tsx',
      'bench/servers/disk-loop.ts',
      '--dir',
      await freshDir(),
      '--seconds',
      String(pushSeconds),
      '--writers',
      String(CONNECTIONS),
    ],
    ROOT,
  );
  try {
    const match = await waitForOutput(spawned, /RESULT (\{.*\})/, (pushSeconds + 30) * 1000);
    return JSON.parse(match[1]!) as { recordsPerSecond: number; cpuPerRecord: number };
  } finally {
    await stop(spawned);
  }
}

// ---------------------------------------------------------------- start-up

type StartupKind = 'bare-node' | 'bare-tsx' | 'ledgersim-compiled' | 'ledgersim-tsx';

/** Status of one GET, 0 when nothing answers. */
function statusOf(url: string): Promise<number> {
  return new Promise<number>((resolve) => {
    const request = get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/**
 * Milliseconds from spawning the process to the first 200 on each of its ports. Every candidate
 * port (base .. base+3) is polled from the spawn on; the ports that count are those the process
 * announces (`ledgersim start` prints a URL per server), so the figure follows whichever
 * simulators the started build serves.
 */
async function measureStartup(kind: StartupKind): Promise<number> {
  const base = await freePortBase(4);
  const bare = kind === 'bare-node' || kind === 'bare-tsx';
  const args = bare
    ? [...(kind === 'bare-tsx' ? ['--import', 'tsx'] : []), 'bench/servers/bare.mjs', '--port', String(base)]
    : [
        ...(kind === 'ledgersim-compiled' ? ['bin/ledgersim.js'] : ['--import', 'tsx', 'cli/run.ts']),
        'start',
        '--port-base',
        String(base),
        '--seed',
        String(BENCH_SEED),
        '--now',
        BENCH_NOW,
      ];
  const urlOf = (port: number) =>
    bare
      ? `http://127.0.0.1:${port}/`
      : port === base
        ? `http://127.0.0.1:${port}/`
        : `http://127.0.0.1:${port}/__admin/health`;
  const firstOk = new Map<number, number>();
  const t0 = performance.now();
  const spawned = spawnNode(args, ROOT);
  try {
    for (;;) {
      if (spawned.child.exitCode !== null)
        throw new Error(`${kind} exited (${spawned.child.exitCode}) before answering:\n${spawned.output()}`);
      if (performance.now() - t0 > 30_000)
        throw new Error(`${kind} did not answer on every port within 30 s:\n${spawned.output()}`);
      const pending = [0, 1, 2, 3].map((i) => base + i).filter((port) => !firstOk.has(port));
      const statuses = await Promise.all(pending.map((port) => statusOf(urlOf(port))));
      const now = performance.now();
      pending.forEach((port, i) => statuses[i] === 200 && firstOk.set(port, now - t0));
      const announced = bare
        ? firstOk.size > 0
          ? [base]
          : null
        : /Ctrl-C stops\./.test(spawned.output())
          ? [...new Set([...spawned.output().matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])))]
          : null;
      if (announced && announced.length > 0 && announced.every((port) => firstOk.has(port)))
        return Math.max(...announced.map((port) => firstOk.get(port)!));
      await sleep(2);
    }
  } finally {
    await stop(spawned);
  }
}

/**
 * The bundled CLI (dist/ledgersim.cjs and its code cache) is what the `ledgersim` binary and
 * `npm start` run; it is measured when it is there, else the sources through tsx are.
 */
function compiledState(): { usable: boolean; note?: string } {
  const bundle = BUNDLE;
  if (!existsSync(bundle))
    return {
      usable: false,
      note: 'dist/ledgersim.cjs is missing: run `npm run build` to measure the `ledgersim` binary; the sources were measured through tsx',
    };
  const notes: string[] = [];
  if (
    newestSource(['cli', 'simulators', 'contracts', 'dashboard', 'scenarios', 'connectors', 'core', 'vendors']) >
    statSync(bundle).mtimeMs
  )
    notes.push('dist/ is older than the sources: the `ledgersim` figures are of the last `npm run build`');
  if (!existsSync(`${bundle}.cache`))
    notes.push('the bundle had no code cache: the first start wrote it (a discarded warm-up start runs first)');
  return { usable: true, ...(notes.length ? { note: notes.join('; ') } : {}) };
}

/** How the bench runs `ledgersim`: the binary when the bundle is there, else the sources. */
// The node flags the `ledgersim` binary's shebang gives (bin/ledgersim.js): spawned here through
// node, it gets them here.
let ledgersimArgs = (): string[] => ['--no-memory-reducer', '--import', 'tsx', 'cli/run.ts'];

function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return newest;
}

// ---------------------------------------------------------------- scenario suite

interface SuiteRun {
  wallMs: number;
  scenarios: { id: string; status: string; ms: number }[];
}

/**
 * `ledgersim run --json` with the binary, as CI runs the suite: every scenario in-process in one
 * process, the wall from the spawn to the exit, each scenario's time from its result.
 */
async function binarySuite(): Promise<SuiteRun | { unavailable: string }> {
  const t0 = performance.now();
  const spawned = spawnNode(['bin/ledgersim.js', 'run', '--json'], ROOT);
  // Timed to the exit; read once the output is all in ('close' comes after 'exit').
  let wallMs = 0;
  spawned.child.once('exit', () => (wallMs = performance.now() - t0));
  await new Promise<void>((resolve) => spawned.child.once('close', () => resolve()));
  const text = spawned.output();
  try {
    const { results } = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as {
      results: { id: string; status: string; durationMs: number }[];
    };
    return { wallMs, scenarios: results.map((r) => ({ id: r.id, status: r.status, ms: r.durationMs })) };
  } catch {
    return {
      unavailable: `ledgersim run --json gave no result (exit ${spawned.child.exitCode}): ${text.trim().split('\n')[0] ?? ''}`,
    };
  }
}

/** From the sources (scenario-suite.ts through tsx), when the binary is not built. */
async function sourceSuite(): Promise<SuiteRun | { unavailable: string }> {
  const spawned = spawnNode(['--import', 'tsx', 'bench/scenario-suite.ts'], ROOT);
  await new Promise<void>((resolve) => spawned.child.once('close', () => resolve()));
  const line = spawned
    .output()
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  try {
    if (line) return JSON.parse(line) as SuiteRun | { unavailable: string };
  } catch {
    // reported below
  }
  return {
    unavailable: `the scenario suite exited (${spawned.child.exitCode}) without a result: ${spawned.output().trim().split('\n')[0] ?? ''}`,
  };
}

/**
 * The scenario suite (issue 6): every scenario in-process in one child process, with the
 * `ledgersim` binary when it is built (else from the sources through tsx).
 * While scenarios/ has no runner, the row says so instead of inventing a figure.
 */
async function measureScenarios(binary: boolean): Promise<{ metrics: Metric[] } | { reason: string }> {
  const suites: SuiteRun[] = [];
  for (let round = 1; round <= runs; round++) {
    const result = binary ? await binarySuite() : await sourceSuite();
    if ('unavailable' in result) return { reason: result.unavailable };
    suites.push(result);
    const failed = result.scenarios.filter((s) => s.status !== 'passed').length;
    console.log(
      `  [${round}/${runs}] scenario suite: ${result.scenarios.length} scenarios (${failed} not passed) in ${result.wallMs.toFixed(0)} ms`,
    );
  }
  const last = suites[suites.length - 1]!;
  const count = last.scenarios.length;
  const failed = last.scenarios.filter((s) => s.status !== 'passed').map((s) => s.id);
  const how = binary
    ? '`ledgersim run --json` (the binary); wall from the spawn to the exit'
    : "from the sources through tsx (bench/scenario-suite.ts); wall from the process's first line to the last scenario, module loading included";
  const note = `${count} scenarios (issue 6 asks for 60)${failed.length ? `; ${failed.length} did not pass: ${failed.join(', ')}` : ', all passed'}; ${how}`;
  const wall = summarize(suites.map((s) => s.wallMs));
  const p50 = summarize(suites.map((s) => median(s.scenarios.map((x) => x.ms))));
  return {
    metrics: [
      // A scenario that fails may stop early: its time says nothing until the whole suite passes.
      plainMetric(
        `4. scenario suite, in-process, whole suite (${count} scenarios)`,
        wall,
        'ms',
        '≤ 1 s',
        failed.length ? null : wall.median <= 1000,
        note,
      ),
      plainMetric(
        '4. scenario suite, p50 per scenario',
        p50,
        'ms',
        '≤ 10 ms',
        failed.length ? null : p50.median <= 10,
        failed.length ? 'not judged while scenarios fail' : undefined,
      ),
    ],
  };
}

// ---------------------------------------------------------------- the run

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ratioMetric(
  name: string,
  value: Summary,
  unit: string,
  baselineName: string,
  baseline: Summary,
  target: string,
  check: (ratio: number) => boolean,
  inverse = false,
): Metric {
  const ratio = inverse ? baseline.median / value.median : value.median / baseline.median;
  return {
    name,
    value: value.median,
    unit,
    baselineName,
    baseline: baseline.median,
    ratio,
    target,
    pass: check(ratio),
    min: value.min,
    max: value.max,
    runs: value.runs,
  };
}

function plainMetric(
  name: string,
  value: Summary,
  unit: string,
  target: string,
  pass: boolean | null,
  note?: string,
): Metric {
  return {
    name,
    value: value.median,
    unit,
    baselineName: null,
    baseline: null,
    ratio: null,
    target,
    pass,
    min: value.min,
    max: value.max,
    runs: value.runs,
    ...(note ? { note } : {}),
  };
}

const notMeasured = (name: string, target: string, note: string): Metric => ({
  name,
  value: null,
  unit: '',
  baselineName: null,
  baseline: null,
  ratio: null,
  target,
  pass: null,
  min: null,
  max: null,
  runs: [],
  note,
});

async function main(): Promise<void> {
  const cores = cpus().length;
  const loadAtStart = loadavg()[0]!;
  setUpPinning(cores);
  console.log(
    `ledgersim bench: ${runs} run(s) per figure, push runs ${pushSeconds} s (+${warmSeconds} s warm-up) with ${CONNECTIONS} connections, node ${process.version}, ${cores} cores (${cpus()[0]?.model.trim()})`,
  );
  console.log(
    pinning.enabled
      ? '  servers pinned to core 1, autocannon to core 0 (taskset)'
      : '  no CPU pinning (taskset missing or one core)',
  );
  const compiled = compiledState();
  if (compiled.usable) ledgersimArgs = () => ['--no-memory-reducer', 'bin/ledgersim.js'];
  if (compiled.note) notes.push(compiled.note);
  console.log(
    `  ledgersim runs as ${compiled.usable ? 'the `ledgersim` binary (node bin/ledgersim.js, the bundle with its code cache)' : 'the sources (node --import tsx cli/run.ts)'}`,
  );
  for (const note of notes) console.log(`  note: ${note}`);
  await prepare();

  const targets: TargetName[] = [
    'echo',
    'memory',
    'data-0',
    'data-10000',
    'data-100000',
    'naive-10000',
    'compact-100000',
    ...(flags.million ? (['data-1000000', 'compact-1000000'] as const) : []),
  ];
  const samples = Object.fromEntries(targets.map((t) => [t, [] as PushSample[]])) as Record<TargetName, PushSample[]>;
  // Rounds interleave the targets, so a machine that slows down mid-bench slows all of them.
  for (let round = 1; round <= runs; round++) {
    for (const target of targets) {
      const sample = await measurePush(target);
      samples[target].push(sample);
      const trouble = sample.non2xx + sample.errors + sample.timeouts;
      console.log(
        `  [${round}/${runs}] push ${target.padEnd(15)} ${Math.round(sample.requestsPerSecond).toString().padStart(6)} req/s  p99 ${sample.p99} ms  max ${sample.max} ms` +
          (target.startsWith('compact-') ? (sample.compacted ? '  (compacted)' : '  (no compaction seen)') : '') +
          (sample.cpuPerRequest !== null ? `  ${Math.round(sample.cpuPerRequest)} µs CPU/req` : '') +
          (sample.rssIdle !== null
            ? `  rss ${sample.rssIdle.toFixed(0)} MiB (peak ${sample.rssPeak?.toFixed(0)})`
            : '') +
          (trouble ? `  ${sample.non2xx} non-2xx, ${sample.errors} errors, ${sample.timeouts} timeouts` : ''),
      );
    }
  }

  const tails = { echo: [] as PushSample[], memory: [] as PushSample[] };
  for (let round = 1; round <= runs; round++) {
    for (const target of ['echo', 'memory'] as const) {
      const sample = await measurePush(target, TAIL_RATE);
      tails[target].push(sample);
      console.log(
        `  [${round}/${runs}] push ${target.padEnd(15)} at ${TAIL_RATE} req/s  p99 ${sample.p99} ms  max ${sample.max} ms  (${Math.round(sample.requestsPerSecond)} req/s done)`,
      );
    }
  }

  const disk: { recordsPerSecond: number; cpuPerRecord: number }[] = [];
  for (let round = 1; round <= runs; round++) {
    const sample = await measureDiskLoop();
    disk.push(sample);
    console.log(
      `  [${round}/${runs}] disk loop (group commit + fdatasync, ${CONNECTIONS} writers) ${Math.round(sample.recordsPerSecond)} records/s  ${Math.round(sample.cpuPerRecord)} µs CPU/record`,
    );
  }

  const kinds: StartupKind[] = ['bare-node', 'ledgersim-compiled', 'bare-tsx', 'ledgersim-tsx'];
  const startups = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<StartupKind, number[]>;
  // One discarded start of each first: the files are then in the OS's cache for all of them alike.
  for (const kind of kinds)
    if (kind !== 'ledgersim-compiled' || compiled.usable) await measureStartup(kind).catch(() => Number.NaN);
  for (let round = 1; round <= Math.max(runs, 3); round++) {
    for (const kind of kinds) {
      if (kind === 'ledgersim-compiled' && !compiled.usable) continue;
      try {
        const ms = await measureStartup(kind);
        startups[kind].push(ms);
        console.log(`  [${round}] start-up ${kind.padEnd(18)} ${ms.toFixed(0)} ms`);
      } catch (error) {
        startups[kind].push(Number.NaN);
        // The process's own last line says why (a port taken, a load error): keep it with the failure.
        const lines = (error as Error).message.trim().split('\n');
        console.log(
          `  [${round}] start-up ${kind.padEnd(18)} failed: ${lines[0]}${lines.length > 1 ? ` / ${lines[lines.length - 1]}` : ''}`,
        );
      }
    }
  }

  const scenarios = await measureScenarios(compiled.usable);

  const millionStarts: { ms: number; rss: number | null; peak: number | null }[] = [];
  if (flags.million)
    for (let round = 1; round <= runs; round++) {
      const sample = await measureDataStartup(MILLION);
      millionStarts.push(sample);
      console.log(
        `  [${round}/${runs}] start-up with ${MILLION.toLocaleString('en')} stored entries ${(sample.ms / 1000).toFixed(1)} s  rss ${sample.rss?.toFixed(0)} MiB (peak ${sample.peak?.toFixed(0)})`,
      );
    }

  // ------------------------------------------------------------ the figures
  const rps = (t: TargetName) => summarize(samples[t].map((s) => s.requestsPerSecond));
  const p99 = (t: TargetName) => summarize(samples[t].map((s) => s.p99));
  const echo = rps('echo');
  const data0 = rps('data-0');
  const metrics: Metric[] = [];
  metrics.push(plainMetric('baseline: hono + zod echo, push', echo, 'req/s', 'the reference', null));
  metrics.push(
    ratioMetric(
      '1. push, memory store',
      rps('memory'),
      'req/s',
      'hono + zod echo',
      echo,
      '≥ 0.5 × baseline',
      (r) => r >= 0.5,
    ),
  );
  metrics.push({
    ...plainMetric(
      '1. push, memory store, p99 (saturated: ten connections always busy)',
      p99('memory'),
      'ms',
      'information',
      null,
      'at saturation each answer waits behind the nine others, so p99 follows 10 / throughput; the tail is judged at a fixed rate below',
    ),
    baselineName: 'hono + zod echo p99',
    baseline: p99('echo').median,
  });
  const tailP99 = (t: 'echo' | 'memory') => summarize(tails[t].map((s) => s.p99));
  metrics.push({
    ...plainMetric(
      `1. push, memory store, p99 at a fixed ${TAIL_RATE.toLocaleString('en')} req/s`,
      tailP99('memory'),
      'ms',
      '≤ 2 ms',
      tailP99('memory').median <= 2,
      `slowest answer ${summarize(tails.memory.map((s) => s.max)).median} ms (echo ${summarize(tails.echo.map((s) => s.max)).median} ms)`,
    ),
    baselineName: `hono + zod echo p99 at ${TAIL_RATE.toLocaleString('en')} req/s`,
    baseline: tailP99('echo').median,
  });
  const cpu = (t: TargetName) => summarize(samples[t].map((s) => s.cpuPerRequest ?? Number.NaN));
  metrics.push({
    ...ratioMetric(
      '1. push, memory store, server CPU per request',
      cpu('memory'),
      'µs',
      'hono + zod echo',
      cpu('echo'),
      'information',
      () => true,
    ),
    pass: null,
  });
  metrics.push(
    ratioMetric(
      '2. push --data, 0 entries',
      data0,
      'req/s',
      'hono + zod echo',
      echo,
      '≥ 0.3 × baseline',
      (r) => r >= 0.3,
    ),
  );
  metrics.push(plainMetric('2. push --data, 0 entries, p99', p99('data-0'), 'ms', 'information', null));
  const diskRate = summarize(disk.map((d) => d.recordsPerSecond));
  metrics.push(
    plainMetric(
      `baseline: the disk's own limit (bare Node appending ~1 KB records, group commit + fdatasync, ${CONNECTIONS} writers)`,
      diskRate,
      'records/s',
      'the durable reference',
      null,
    ),
  );
  metrics.push({
    ...ratioMetric(
      "2. push --data, 0 entries, against the disk's limit",
      data0,
      'req/s',
      'the disk loop',
      diskRate,
      'information',
      () => true,
    ),
    pass: null,
  });
  metrics.push(
    ratioMetric(
      '2. push --data, 0 entries, against the memory store',
      data0,
      'req/s',
      'push, memory store',
      rps('memory'),
      '≥ 0.8 × memory push',
      (r) => r >= 0.8,
    ),
  );
  metrics.push({
    ...ratioMetric(
      '2. push --data, 0 entries, server CPU per durable write',
      cpu('data-0'),
      'µs',
      'the memory push',
      cpu('memory'),
      'information',
      () => true,
    ),
    pass: null,
  });
  // What durability adds, as the issue words the target: a durable write's CPU less a memory
  // write's, taken round by round (the two run minutes apart in the same round).
  const extra = samples['data-0'].map(
    (sample, i) => (sample.cpuPerRequest ?? Number.NaN) - (samples.memory[i]?.cpuPerRequest ?? Number.NaN),
  );
  metrics.push(
    ratioMetric(
      '2. push --data, 0 entries, extra server CPU per durable write (over the memory push, same round)',
      summarize(extra),
      'µs',
      "the disk loop's CPU per record",
      summarize(disk.map((d) => d.cpuPerRecord)),
      "≤ 2 × the disk loop's",
      (r) => r <= 2,
    ),
  );
  metrics.push(
    ratioMetric(
      '2. push --data, 10,000 entries',
      rps('data-10000'),
      'req/s',
      'naive lowdb, 10,000 entries',
      rps('naive-10000'),
      '≥ 50 × the naive route',
      (r) => r >= 50,
    ),
  );
  metrics.push(
    plainMetric(
      '2. naive lowdb `await db.write()`, 10,000 entries',
      rps('naive-10000'),
      'req/s',
      'the reference',
      null,
    ),
  );
  metrics.push(
    ratioMetric(
      '2. push --data, 100,000 entries',
      rps('data-100000'),
      'req/s',
      'push --data, 0 entries',
      data0,
      '≥ 0.8 × the 0-entry figure',
      (r) => r >= 0.8,
    ),
  );
  metrics.push(plainMetric('2. push --data, 100,000 entries, p99', p99('data-100000'), 'ms', 'information', null));
  const stallMetric = (target: 'compact-100000' | 'compact-1000000', count: string) => {
    const seen = samples[target].filter((sample) => sample.compacted).length;
    const max = summarize(samples[target].map((sample) => sample.max));
    return plainMetric(
      `2. push --data, slowest answer of a run that includes a compaction, ${count} entries`,
      max,
      'ms',
      `≤ ${MAX_STALL_MS} ms`,
      seen === samples[target].length ? max.median <= MAX_STALL_MS : null,
      `${runSecondsOf(target)} s runs from a data directory whose ${count} entries are all in the log: the first push starts the compaction; a new log generation was seen in ${seen} of ${samples[target].length} runs${seen === samples[target].length ? '' : ' (not judged)'}; p99 ${summarize(samples[target].map((sample) => sample.p99)).median} ms, ${Math.round(rps(target).median)} req/s`,
    );
  };
  metrics.push(stallMetric('compact-100000', '100,000'));
  const optIn = 'opt-in: `npm run bench -- --million` (a few GB of disk, several minutes)';
  if (flags.million) {
    metrics.push(
      ratioMetric(
        '2. push --data, 1,000,000 entries',
        rps('data-1000000'),
        'req/s',
        'push --data, 0 entries',
        data0,
        '≥ 0.8 × the 0-entry figure',
        (r) => r >= 0.8,
      ),
    );
    metrics.push(stallMetric('compact-1000000', '1,000,000'));
    const startMs = summarize(millionStarts.map((sample) => sample.ms));
    const startRss = summarize(millionStarts.map((sample) => sample.rss ?? Number.NaN));
    metrics.push(
      plainMetric(
        '3. start-up of a 1,000,000-entry data directory (load and replay)',
        startMs,
        'ms',
        '≤ 15 s',
        startMs.median <= 15_000,
        'from the spawn to the printed URLs (every server listening)',
      ),
    );
    metrics.push(
      plainMetric(
        '3. RSS once started with 1,000,000 stored entries',
        startRss,
        'MiB',
        '≤ 1.5 GiB',
        startRss.median <= 1536,
        `peak during the start: ${summarize(millionStarts.map((sample) => sample.peak ?? Number.NaN)).median.toFixed(0)} MiB`,
      ),
    );
  } else
    for (const [name, target] of [
      ['2. push --data, 1,000,000 entries', '≥ 0.8 × the 0-entry figure'],
      ['2. push --data, slowest answer of a run that includes a compaction, 1,000,000 entries', `≤ ${MAX_STALL_MS} ms`],
      ['3. start-up of a 1,000,000-entry data directory (load and replay)', '≤ 15 s'],
      ['3. RSS once started with 1,000,000 stored entries', '≤ 1.5 GiB'],
    ] as const)
      metrics.push(notMeasured(name, target, optIn));

  const startupTarget = compiled.usable ? 'ledgersim-compiled' : 'ledgersim-tsx';
  const startupBaseline = compiled.usable ? 'bare-node' : 'bare-tsx';
  metrics.push(
    ratioMetric(
      `3. start-up, \`ledgersim start\` (${compiled.usable ? 'compiled, node bin/ledgersim.js' : 'from the sources, node --import tsx'})`,
      summarize(startups[startupTarget]),
      'ms',
      `bare @hono/node-server (${compiled.usable ? 'node' : 'node --import tsx'})`,
      summarize(startups[startupBaseline]),
      '≤ 1.5 × baseline',
      (r) => r <= 1.5,
    ),
  );
  if (compiled.usable) {
    const tsx = ratioMetric(
      '3. start-up, from the sources (node --import tsx cli/run.ts; `npm start` when dist/ is stale)',
      summarize(startups['ledgersim-tsx']),
      'ms',
      'bare @hono/node-server (node --import tsx)',
      summarize(startups['bare-tsx']),
      'information',
      () => true,
    );
    metrics.push({ ...tsx, pass: null });
  }
  if ('reason' in scenarios)
    metrics.push(
      notMeasured(
        '4. scenario suite, in-process',
        '≤ 1 s whole suite, p50 ≤ 10 ms',
        `not measured (${scenarios.reason})`,
      ),
    );
  else metrics.push(...scenarios.metrics);
  const rss = summarize(samples['data-100000'].map((s) => s.rssIdle ?? Number.NaN));
  const peak = summarize(samples['data-100000'].map((s) => s.rssPeak ?? Number.NaN));
  metrics.push(
    plainMetric(
      '5. RSS, `ledgersim start` with 100,000 stored entries',
      rss,
      'MiB',
      '< 300 MB',
      rss.median * 1.048576 < 300,
      `peak during start and load: ${peak.median.toFixed(0)} MiB`,
    ),
  );
  const dashboard = await measureDashboard(flags.quick ? 5 : 20);
  metrics.push(
    plainMetric(
      '6. dashboard, file page with 10,000 entries',
      dashboard.file,
      'ms',
      '< 100 ms',
      dashboard.file.median < 100,
      'median of in-process renders of the busiest file page (50 entries a page)',
    ),
  );
  metrics.push(
    plainMetric(
      '6. dashboard, last page of those entries',
      dashboard.lastPage,
      'ms',
      '< 100 ms',
      dashboard.lastPage.median < 100,
    ),
  );
  metrics.push(
    plainMetric('6. dashboard, overview', dashboard.overview, 'ms', '< 100 ms', dashboard.overview.median < 100),
  );

  const tenants = await measureTenants(flags.quick);
  for (const [vendor, title] of [
    ['sage-ge', 'Sage GE'],
    ['loop', 'Loop'],
    ['quadra', 'Quadra'],
  ] as const)
    metrics.push(
      ratioMetric(
        `7. ${MANY.toLocaleString('en')} tenants, ${title} authenticated request (server CPU per request, in-process)`,
        tenants.requests[vendor].many,
        'µs',
        'the same with the demo tenants only',
        tenants.requests[vendor].one,
        '≥ 0.9 × one tenant',
        (r) => r >= 0.9,
        true,
      ),
    );
  const bridge = await measureBridge(flags.quick);
  metrics.push(
    ratioMetric(
      '8. msw bridge: a push through msw (`ledgersim/msw` handlers, `setupServer`), server and client CPU per call, in-process',
      bridge.bridge,
      'µs',
      'a direct `app.request()`',
      bridge.direct,
      '≤ 1.3 × direct',
      (r) => r <= 1.3,
    ),
  );
  metrics.push({
    ...ratioMetric(
      "8. msw's own floor: `setupServer` with a handler that answers at once (no simulator)",
      bridge.floor,
      'µs',
      'a direct `app.request()`',
      bridge.direct,
      'information',
      () => true,
    ),
    pass: null,
  });
  metrics.push(
    ratioMetric(
      "8. `ledgersim/msw`'s `fetch` (the same simulators, no interception), server and client CPU per call",
      bridge.fetch,
      'µs',
      'a direct `app.request()`',
      bridge.direct,
      '≤ 1.3 × direct',
      (r) => r <= 1.3,
    ),
  );
  metrics.push({
    ...ratioMetric(
      '8. msw bridge, wall time per call',
      bridge.bridgeWall,
      'µs',
      'a direct `app.request()`',
      bridge.directWall,
      'information',
      () => true,
    ),
    pass: null,
  });
  metrics.push(
    plainMetric(
      `7. clock advance of a day, ${MANY.toLocaleString('en')} idle Loop firms`,
      tenants.advance.loop,
      'ms',
      '≤ 20 ms',
      tenants.advance.loop.median <= 20,
      'until the work due is done (kit settled)',
    ),
  );
  metrics.push(
    plainMetric(
      `7. clock advance of a day, ${MANY.toLocaleString('en')} idle Quadra firms`,
      tenants.advance.quadra,
      'ms',
      '≤ 20 ms',
      tenants.advance.quadra.median <= 20,
      'until the work due is done (kit settled)',
    ),
  );

  const trouble = targets.flatMap((t) =>
    samples[t]
      .filter((s) => s.non2xx + s.errors + s.timeouts > 0)
      .map((s) => `${t}: ${s.non2xx} non-2xx, ${s.errors} errors, ${s.timeouts} timeouts`),
  );
  if (trouble.length) notes.push(`requests that failed during load (not counted as answered): ${trouble.join('; ')}`);

  printTable(metrics);
  for (const m of metrics) if (m.note && m.value !== null) console.log(`Note (${m.name}): ${m.note}`);
  notes.push(
    `load average (1 min) at the start ${loadAtStart.toFixed(2)}, at the end ${loadavg()[0]!.toFixed(2)}: the machine's other work shows here`,
  );
  for (const note of notes) console.log(`Note: ${note}`);
  await writeFile(
    RESULTS,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        machine: {
          node: process.version,
          platform: process.platform,
          cores,
          cpu: cpus()[0]?.model.trim(),
          pinning: pinning.enabled,
        },
        settings: { runs, pushSeconds, warmSeconds, connections: CONNECTIONS, bodyBytes: Buffer.byteLength(body) },
        metrics,
        notes,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${RESULTS}`);
}

function format(value: number | null, unit = ''): string {
  if (value === null || Number.isNaN(value)) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}${unit ? ` ${unit}` : ''}`;
}

function printTable(metrics: Metric[]): void {
  const rows = metrics.map((m) => [
    m.name,
    m.value === null ? (m.note ?? 'not measured') : format(m.value, m.unit),
    m.baseline === null ? '' : `${format(m.baseline, m.unit)} (${m.baselineName})`,
    m.ratio === null ? '' : `${m.ratio < 10 ? m.ratio.toFixed(2) : format(m.ratio)} ×`,
    m.target,
    m.pass === null ? '' : m.pass ? 'pass' : '**FAIL**',
    m.min === null ? '' : `${format(m.min)} – ${format(m.max)} (${m.runs.length})`,
  ]);
  const header = ['metric', 'median', 'baseline (median)', 'ratio', 'target', 'pass', 'min – max (runs)'];
  console.log('');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}

async function cleanUp(): Promise<void> {
  await stopAll();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}

// Ctrl-C: stop the servers and remove the data before leaving.
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
try {
  await main();
} finally {
  await cleanUp();
}
