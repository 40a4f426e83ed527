// The msw bridge (issue 19): what other projects' test suites pay on every call, against a direct
// `app.request()` of the same push, in-process, in this one process: through msw's `setupServer`
// (the global fetch intercepted), through `ledgersim/msw`'s `fetch` (no interception, for code
// that takes its fetch as a parameter), and msw's own floor: `setupServer` with a handler that
// answers at once, without the simulator, which no bridge through msw can go under. CPU time from
// process.cpuUsage (steadier than wall time on a shared machine), and wall time per call. Run alone:
//   node --import tsx bench/msw-bridge.ts [--quick]
import { fileURLToPath } from 'node:url';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createVirtualClock } from '../core/clock.js';
import { createInProcessFetch } from '../simulators/kit/in-process-fetch.js';
import { createBridgeHandlers } from '../simulators/kit/msw-bridge.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { BENCH_NOW, BENCH_SEED, PUSH_PATH, benchIdentifier, benchState, pushBody } from './lib/fixtures.js';
import { summarize, type Summary } from './lib/stats.js';

const BASE = 'https://sage-ge.bench.test';
/** Answered by msw's floor handler, never by a simulator. */
const FLOOR_BASE = 'https://floor.bench.test';

export interface BridgeFigures {
  /** CPU µs per push through `app.request()`. */
  direct: Summary;
  /** CPU µs per push through msw (the connector's `fetch` → the bridge → `app.fetch`). */
  bridge: Summary;
  /** CPU µs per push through `ledgersim/msw`'s `fetch` (→ `app.fetch`, no interception). */
  fetch: Summary;
  /** CPU µs per call through msw to a handler that reads the body and answers at once: msw's own cost. */
  floor: Summary;
  directWall: Summary;
  bridgeWall: Summary;
  fetchWall: Summary;
}

export async function measureBridge(quick: boolean): Promise<BridgeFigures> {
  const state = benchState(0);
  const sim = createSageGeSimulator({
    clock: createVirtualClock({ start: BENCH_NOW }),
    seed: BENCH_SEED,
    initialState: state,
  });
  const init = () => ({
    method: 'POST',
    body: JSON.stringify(pushBody()),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${benchIdentifier(state)}` },
  });
  const target = { baseUrl: BASE, fetch: sim.app.fetch };
  const floorHandler = http.all(`${FLOOR_BASE}/*`, async ({ request }) => {
    await request.text();
    return new Response('{"id":"floor"}', { status: 202, headers: { 'content-type': 'application/json' } });
  });
  const server = setupServer(...createBridgeHandlers([target]), floorHandler);
  server.listen({ onUnhandledRequest: 'error' });
  const direct = async () => {
    const res = await sim.app.request(PUSH_PATH, init());
    if (res.status !== 202) throw new Error(`direct push answered ${res.status}: ${await res.text()}`);
    await res.json();
  };
  const through = (name: string, fetcher: typeof fetch, base: string) => async () => {
    const res = await fetcher(`${base}${PUSH_PATH}`, init());
    if (res.status !== 202) throw new Error(`${name} push answered ${res.status}: ${await res.text()}`);
    await res.json();
  };
  const bridged = through('bridged', (...args) => fetch(...args), BASE);
  const inProcess = through('in-process fetch', createInProcessFetch([target]), BASE);
  const floor = through('floor', (...args) => fetch(...args), FLOOR_BASE);
  const measure = async (call: () => Promise<void>, n: number) => {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await call();
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    return { cpu: (used.user + used.system) / n, wall: (wall * 1000) / n };
  };
  try {
    const n = quick ? 500 : 2_000;
    // JIT warm-up for every path
    for (const call of [direct, bridged, inProcess, floor]) await measure(call, 300);
    const out = {
      direct: [] as number[],
      bridge: [] as number[],
      fetch: [] as number[],
      floor: [] as number[],
      directWall: [] as number[],
      bridgeWall: [] as number[],
      fetchWall: [] as number[],
    };
    // Interleaved rounds: a machine that slows down mid-run slows both.
    for (let round = 0; round < (quick ? 2 : 5); round++) {
      const d = await measure(direct, n);
      const b = await measure(bridged, n);
      const f = await measure(inProcess, n);
      const floored = await measure(floor, n);
      out.direct.push(d.cpu);
      out.bridge.push(b.cpu);
      out.fetch.push(f.cpu);
      out.floor.push(floored.cpu);
      out.directWall.push(d.wall);
      out.bridgeWall.push(b.wall);
      out.fetchWall.push(f.wall);
    }
    return {
      direct: summarize(out.direct),
      bridge: summarize(out.bridge),
      fetch: summarize(out.fetch),
      floor: summarize(out.floor),
      directWall: summarize(out.directWall),
      bridgeWall: summarize(out.bridgeWall),
      fetchWall: summarize(out.fetchWall),
    };
  } finally {
    server.close();
    await sim.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const f = await measureBridge(process.argv.includes('--quick'));
  const s = (x: Summary) => `${x.median.toFixed(0)} µs (min ${x.min.toFixed(0)}, max ${x.max.toFixed(0)})`;
  console.log(`direct app.request(): CPU ${s(f.direct)}, wall ${s(f.directWall)}`);
  console.log(`msw bridge:           CPU ${s(f.bridge)}, wall ${s(f.bridgeWall)}`);
  console.log(`ledgersim/msw fetch:  CPU ${s(f.fetch)}, wall ${s(f.fetchWall)}`);
  console.log(`msw's floor:          CPU ${s(f.floor)} (setupServer, a handler answering at once)`);
  const r = (a: Summary, b: Summary) => `${(a.median / b.median).toFixed(2)} ×`;
  console.log(
    `ratio to direct (CPU): bridge ${r(f.bridge, f.direct)}, fetch ${r(f.fetch, f.direct)}, msw's floor ${r(f.floor, f.direct)}; (wall) bridge ${r(f.bridgeWall, f.directWall)}, fetch ${r(f.fetchWall, f.directWall)}`,
  );
}
