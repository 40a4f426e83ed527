// What one push allocates on the server's heap (issue 19): the garbage whose young-generation
// collections make the memory push's tail and a share of its CPU. Counted, not timed, so the figure
// holds on a busy machine:
//   node --import tsx bench/push-garbage.ts [--vendor sage-ge|loop|quadra|echo|all] [--pushes 4000]
//     [--store memory|file] [--via socket|request] [--profile 25] [--root DIR]
// The simulator serves on 127.0.0.1 as `ledgersim start` serves it (`serveApp`, @hono/node-server);
// the client runs on a worker thread (its own heap, so none of its garbage is counted), 10
// keep-alive connections sending the same ready-made request bytes. `--via request` pushes through
// `app.request` in this thread instead (its Request building is then counted too).
// Bytes allocated = the heap's growth over the pushes plus what every collection in between freed
// (v8.GCProfiler's before/after figures); retained = the growth left after a full collection (the
// entries the pushes stored). `--profile N` adds V8's sampling heap profiler, young and old
// garbage included, and prints the N functions that allocated most (the sampled share of bytes).
// `--root DIR` measures another checkout's simulators (a `git worktree` of an earlier commit)
// with this script, for before/after figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GCProfiler, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { BENCH_NOW, BENCH_SEED, PUSH_PATH, pushBody } from './lib/fixtures.js';

const HERE = join(fileURLToPath(import.meta.url), '..', '..');

setFlagsFromString('--expose-gc');
process.setSourceMapsEnabled(true); // for the profile's sites in TypeScript (before the simulators load)
const collectGarbage = runInNewContext('gc') as () => void;

type Vendor = 'sage-ge' | 'loop' | 'quadra' | 'echo';

/** One push, as its bytes go on the wire and as `app.request` takes it. */
interface Push {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Target {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  push: Push;
  close(): Promise<void>;
  serve(fetch: Target['fetch']): Promise<{ port: number; close(): Promise<void> }>;
}

export interface GarbageFigures {
  vendor: Vendor;
  pushes: number;
  /** Bytes allocated on the heap per push. */
  allocatedPerPush: number;
  /** Of which still alive after a full collection (what the pushes stored), per push. */
  retainedPerPush: number;
  /**
   * Bytes per push that outlived two young collections and were moved to the old generation
   * (what the pushes store, and what the request journal keeps): the old generation's growth,
   * hence how often the full collections come, and they cost the size of the whole heap.
   */
  promotedPerPush: number;
  /** Young-generation collections per 1,000 pushes. */
  scavengesPer1000: number;
  /** Their mean pause, ms. */
  scavengeMs: number;
  /** Old-generation collections (mark-sweep-compact) over the run. */
  fullCollections: number;
  /** The functions that allocated most, from the sampling heap profiler (with --profile). */
  top?: { name: string; bytesPerPush: number; share: number }[];
  /** The same, by file. */
  files?: { name: string; bytesPerPush: number; share: number }[];
}

async function importFrom<T>(root: string, path: string): Promise<T> {
  return (await import(pathToFileURL(join(root, path)).href)) as T;
}

/** The simulator of `vendor` from the checkout at `root`, with the bench's demo state and one push. */
async function target(root: string, vendor: Vendor, storeKind: 'memory' | 'file', dir: string): Promise<Target> {
  const { serveApp } = await importFrom<typeof import('../simulators/kit/serve.js')>(root, 'simulators/kit/serve.ts');
  const serve = (fetch: Target['fetch']) => serveApp(fetch, { port: 0 });
  if (vendor === 'echo') {
    // The push benchmark's baseline (bench/servers/echo.ts): parse, validate with the same contract, echo.
    const { Hono } = await import('hono');
    const { EntryPushRequestSchema } = await import('../contracts/sage-ge/wire.js');
    const app = new Hono();
    app.post('/api/v1/files/:fileId/entries', async (c) => {
      const parsed = EntryPushRequestSchema.safeParse(await c.req.json());
      if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 400);
      return c.json(parsed.data, 202);
    });
    const push = { method: 'POST', path: PUSH_PATH, headers: {}, body: JSON.stringify(pushBody()) };
    return { fetch: app.fetch, push, close: async () => {}, serve };
  }
  const { VENDORS } = await importFrom<typeof import('../vendors/index.js')>(root, 'vendors/index.ts');
  const { createVirtualClock } = await importFrom<typeof import('../core/clock.js')>(root, 'core/clock.ts');
  const stores = await importFrom<typeof import('../core/store.js')>(root, 'core/store.ts');
  const { definition, create } = VENDORS.get(vendor).simulator;
  const now = new Date(BENCH_NOW);
  const store =
    storeKind === 'memory'
      ? stores.createMemoryStore(definition.demo(BENCH_SEED, now))
      : await stores.openFileStore({
          dir,
          name: definition.name,
          schema: definition.schema,
          initial: () => definition.demo(BENCH_SEED, now),
        });
  const clock = createVirtualClock({ start: BENCH_NOW });
  // Each vendor's state is its own type: only its demo tenants are read here.
  const sim = create({ clock, seed: BENCH_SEED, store: store as never }) as {
    app: { fetch: Target['fetch'] };
    store: { data: any };
    close(): Promise<void>;
  };
  const state = sim.store.data;
  const json = { 'content-type': 'application/json' };
  let push: Push;
  if (vendor === 'sage-ge') {
    push = {
      method: 'POST',
      path: PUSH_PATH,
      headers: { ...json, authorization: `Bearer ${state.tenants['ENT-1'].geIdentifier}` },
      body: JSON.stringify(pushBody()),
    };
  } else if (vendor === 'loop') {
    const { loopExamples } = await importFrom<typeof import('../simulators/loop/examples.js')>(
      root,
      'simulators/loop/examples.ts',
    );
    const firm = Object.values(state.tenants)[0] as {
      subscriptionKey: string;
      apiKeys: Record<string, { key: string; secret: string }>;
    };
    const key = Object.values(firm.apiKeys)[0]!;
    const path = '/loop-api-publiques/importJson';
    push = {
      method: 'POST',
      path,
      headers: { ...json, 'ocp-apim-subscription-key': firm.subscriptionKey, 'x-apikey': `${key.key}:${key.secret}` },
      body: JSON.stringify(loopExamples(state)[`POST ${path}`]!.body),
    };
  } else {
    const { quadraExamples } = await importFrom<typeof import('../simulators/quadra/examples.js')>(
      root,
      'simulators/quadra/examples.ts',
    );
    const firm = Object.values(state.tenants)[0] as { cfe: { key: string; secret: string } };
    const examples = quadraExamples(state);
    const upload = examples['PUT /CFE/blob/{container}/input/{fileName}']!;
    const dossier = (examples['GET /CFE/V1/getsastoken/{dossier}']!.params as { dossier: string }).dossier;
    const token = await sim.app.fetch(
      new Request('http://127.0.0.1/CFE/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: firm.cfe.key,
          client_secret: firm.cfe.secret,
        }),
      }),
    );
    const { access_token } = (await token.json()) as { access_token: string };
    const sasAnswer = await sim.app.fetch(
      new Request(`http://127.0.0.1/CFE/V1/getsastoken/${dossier}?AccessMode=ReadWrite`, {
        headers: { authorization: `Bearer ${access_token}` },
      }),
    );
    const sas = (await sasAnswer.json()) as { containerName: string; sasToken: string };
    if (!sas.sasToken) throw new Error(`no SAS for Quadra's dossier ${dossier}: ${JSON.stringify(sas)}`);
    push = {
      method: 'PUT',
      path: `/CFE/blob/${sas.containerName}/input/BENCH.TXT?${sas.sasToken}`,
      headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' },
      body: upload.body as string,
    };
  }
  return { fetch: sim.app.fetch, push, close: () => sim.close(), serve };
}

/** The worker's code: 10 keep-alive connections, each sending the request and reading its answer, in turn. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const { port, request, connections } = workerData;
const bytes = Buffer.from(request, 'latin1');
let left = 0, bad = 0, firstBad = '';
const sockets = [];
function complete(buf) {
  const head = buf.indexOf('\\r\\n\\r\\n');
  if (head < 0) return -1;
  const text = buf.toString('latin1', 0, head);
  const length = /\\r\\ncontent-length:\\s*(\\d+)/i.exec(text);
  if (length) { const end = head + 4 + Number(length[1]); return buf.length >= end ? end : -1; }
  if (!/\\r\\ntransfer-encoding:\\s*chunked/i.test(text)) return head + 4;
  let at = head + 4;
  for (;;) {
    const line = buf.indexOf('\\r\\n', at);
    if (line < 0) return -1;
    const size = parseInt(buf.toString('latin1', at, line), 16);
    at = line + 2 + size + 2;
    if (buf.length < at) return -1;
    if (size === 0) return at;
  }
}
function run(count) {
  left = count;
  let open = connections;
  return new Promise((resolve) => {
    for (const socket of sockets) {
      const send = () => { if (left > 0) { left--; socket.write(bytes); } else if (--open === 0) resolve(); };
      socket.onAnswer = (answer) => {
        const status = Number(answer.toString('latin1', 9, 12));
        if (status < 200 || status > 299) { bad++; if (!firstBad) firstBad = answer.toString('utf8').slice(0, 2000); }
        send();
      };
      send();
    }
  });
}
async function main() {
  for (let i = 0; i < connections; i++) {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      for (let end = complete(buf); end >= 0; end = complete(buf)) {
        const answer = buf.subarray(0, end);
        buf = buf.subarray(end);
        socket.onAnswer(answer);
      }
    });
    sockets.push(socket);
  }
  parentPort.on('message', async (count) => {
    if (count === 0) { for (const s of sockets) s.destroy(); parentPort.close(); return; }
    await run(count);
    parentPort.postMessage({ bad, firstBad });
  });
  parentPort.postMessage('ready');
}
main();
`;

function wireRequest(push: Push, port: number): string {
  const body = Buffer.from(push.body, 'utf8');
  const headers = { host: `127.0.0.1:${port}`, ...push.headers, 'content-length': String(body.length) };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `${push.method} ${push.path} HTTP/1.1\r\n${head}\r\n${body.toString('latin1')}`;
}

/** A way to send `count` pushes and wait for every answer. */
type Sender = { send(count: number): Promise<void>; close(): Promise<void> };

async function socketSender(t: Target): Promise<Sender> {
  const server = await t.serve(t.fetch);
  const worker = new Worker(CLIENT, {
    eval: true,
    workerData: { port: server.port, request: wireRequest(t.push, server.port), connections: 10 },
  });
  const message = () => new Promise<unknown>((done) => worker.once('message', done));
  await message();
  return {
    async send(count) {
      const answered = message();
      worker.postMessage(count);
      const { bad, firstBad } = (await answered) as { bad: number; firstBad: string };
      if (bad > 0) throw new Error(`${bad} pushes were refused; the first answer:\n${firstBad}`);
    },
    async close() {
      worker.postMessage(0);
      await new Promise((done) => worker.once('exit', done));
      await server.close();
    },
  };
}

function requestSender(t: Target): Sender {
  const url = `http://127.0.0.1${t.push.path}`;
  const one = async () => {
    const res = await t.fetch(new Request(url, { method: t.push.method, headers: t.push.headers, body: t.push.body }));
    if (res.status < 200 || res.status > 299) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  return {
    async send(count) {
      let left = count;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (left-- > 0) await one();
        }),
      );
    },
    close: async () => {},
  };
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** Where a sampled allocation was made: the function, its file (short) and line. */
function frameName(node: SamplingNode, root: string): string {
  const { functionName, url } = node.callFrame;
  let { lineNumber, columnNumber } = node.callFrame;
  // tsx's output is one line per module: its source map gives the line in the TypeScript source.
  const entry = url.endsWith('.ts')
    ? (findSourceMap(url)?.findEntry(lineNumber, columnNumber) as { originalLine?: number; originalColumn?: number })
    : undefined;
  if (entry?.originalLine !== undefined) {
    lineNumber = entry.originalLine;
    columnNumber = entry.originalColumn ?? 0;
  }
  let file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) file = file.slice(modules + '/node_modules/'.length);
  else if (file.startsWith(root)) file = file.slice(root.length + 1);
  return `${functionName || '(anonymous)'} ${file || '(native)'}:${lineNumber + 1}:${columnNumber + 1}`;
}

export async function measureGarbage(options: {
  vendor: Vendor;
  pushes: number;
  store: 'memory' | 'file';
  via: 'socket' | 'request';
  profile?: number;
  root?: string;
}): Promise<GarbageFigures> {
  const root = resolve(options.root ?? HERE);
  const dir = await mkdtemp(join(tmpdir(), 'ledgersim-push-garbage-'));
  const t = await target(root, options.vendor, options.store, dir);
  const sender = options.via === 'socket' ? await socketSender(t) : requestSender(t);
  try {
    await sender.send(Math.max(2_000, options.pushes / 2)); // JIT warm-up, pools filled
    const session = options.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 256,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    collectGarbage();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const profiler = new GCProfiler();
    profiler.start();
    const usedAtStart = process.memoryUsage().heapUsed;
    await sender.send(options.pushes);
    const usedAtEnd = process.memoryUsage().heapUsed;
    const { statistics } = profiler.stop()!;
    let freed = 0;
    let scavenges = 0;
    let scavengeUs = 0;
    let fullCollections = 0;
    let promoted = 0;
    const oldBytes = (spaces: { spaceName: string; spaceUsedSize: number }[]) =>
      spaces.reduce((sum, space) => (space.spaceName === 'new_space' ? sum : sum + space.spaceUsedSize), 0);
    for (const gc of statistics) {
      freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
      if (gc.gcType === 'Scavenge' || gc.gcType === 'MinorMarkSweep' || gc.gcType === 'MinorMarkCompact') {
        scavenges += 1;
        scavengeUs += gc.cost;
        promoted += oldBytes(gc.afterGC.heapSpaceStatistics) - oldBytes(gc.beforeGC.heapSpaceStatistics);
      }
      if (gc.gcType === 'MarkSweepCompact') fullCollections += 1;
    }
    let top: GarbageFigures['top'];
    let files: GarbageFigures['files'];
    if (session) {
      const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
        profile: { head: SamplingNode };
      };
      session.disconnect();
      const bySite = new Map<string, number>();
      const byFile = new Map<string, number>();
      let total = 0;
      const walk = (node: SamplingNode, parent?: SamplingNode) => {
        if (node.selfSize > 0) {
          // A builtin (sort, Map, JSON.parse) is named with the function that called it.
          const native = !node.callFrame.url && parent;
          const name = native
            ? `${node.callFrame.functionName || '(anonymous)'} ← ${frameName(parent, root)}`
            : frameName(node, root);
          bySite.set(name, (bySite.get(name) ?? 0) + node.selfSize);
          const file = name.slice(name.lastIndexOf(' ') + 1).replace(/:\d+:\d+$/, '');
          byFile.set(file, (byFile.get(file) ?? 0) + node.selfSize);
          total += node.selfSize;
        }
        for (const child of node.children) walk(child, node.callFrame.url || !parent ? node : parent);
      };
      walk(profile.head);
      // The sampled bytes stand for the warm-up's last pushes too: shares, scaled to the counted total.
      const perPush = (usedAtEnd - usedAtStart + freed) / options.pushes;
      const ranked = (sites: Map<string, number>) =>
        [...sites]
          .sort((a, b) => b[1] - a[1])
          .slice(0, options.profile)
          .map(([name, bytes]) => ({ name, share: bytes / total, bytesPerPush: (bytes / total) * perPush }));
      top = ranked(bySite);
      files = ranked(byFile);
    }
    collectGarbage();
    collectGarbage();
    const retained = process.memoryUsage().heapUsed - heapBefore;
    return {
      vendor: options.vendor,
      pushes: options.pushes,
      allocatedPerPush: (usedAtEnd - usedAtStart + freed) / options.pushes,
      retainedPerPush: retained / options.pushes,
      promotedPerPush: promoted / options.pushes,
      scavengesPer1000: (scavenges * 1000) / options.pushes,
      scavengeMs: scavenges ? scavengeUs / scavenges / 1000 : 0,
      fullCollections,
      ...(top ? { top, files } : {}),
    };
  } finally {
    await sender.close();
    await t.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      vendor: { type: 'string', default: 'all' },
      pushes: { type: 'string', default: '4000' },
      store: { type: 'string', default: 'memory' },
      via: { type: 'string', default: 'socket' },
      profile: { type: 'string' },
      root: { type: 'string' },
    },
  });
  const vendors: Vendor[] =
    values.vendor === 'all' ? ['echo', 'sage-ge', 'loop', 'quadra'] : (values.vendor!.split(',') as Vendor[]);
  for (const vendor of vendors) {
    const f = await measureGarbage({
      vendor,
      pushes: Number(values.pushes),
      store: values.store as 'memory' | 'file',
      via: values.via as 'socket' | 'request',
      profile: values.profile ? Number(values.profile) : undefined,
      root: values.root,
    });
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(
      `${vendor.padEnd(8)} ${values.store} via ${values.via}: ${kb(f.allocatedPerPush)} allocated per push ` +
        `(${kb(f.retainedPerPush)} kept, ${kb(f.promotedPerPush)} promoted), ${f.scavengesPer1000.toFixed(1)} scavenges per 1,000 pushes ` +
        `(${f.scavengeMs.toFixed(2)} ms each), ${f.fullCollections} full collections`,
    );
    for (const site of f.files ?? [])
      console.log(
        `  ${(site.share * 100).toFixed(1).padStart(5)} %  ${kb(site.bytesPerPush).padStart(9)}  ${site.name}`,
      );
    if (f.top) console.log('  by function:');
    for (const site of f.top ?? [])
      console.log(
        `  ${(site.share * 100).toFixed(1).padStart(5)} %  ${kb(site.bytesPerPush).padStart(9)}  ${site.name}`,
      );
  }
}
