// The msw bridge (issue 19): what other projects' test suites pay on every call, against a direct
// `app.request()` of the same push, in-process, in this one process. CPU time from
// process.cpuUsage (steadier than wall time on a shared machine), and wall time per call. Run alone:
//   node --import tsx bench/msw-bridge.ts [--quick]
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { createVirtualClock } from '../core/clock.js';
import { createBridgeHandlers } from '../simulators/kit/msw-bridge.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { BENCH_NOW, BENCH_SEED, PUSH_PATH, benchIdentifier, benchState, pushBody } from './lib/fixtures.js';
import { summarize, type Summary } from './lib/stats.js';

const BASE = 'https://sage-ge.bench.test';

export interface BridgeFigures {
  /** CPU µs per push through `app.request()`. */
  direct: Summary;
  /** CPU µs per push through msw (the connector's `fetch` → the bridge → `app.fetch`). */
  bridge: Summary;
  directWall: Summary;
  bridgeWall: Summary;
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
  const server = setupServer(...createBridgeHandlers([{ baseUrl: BASE, fetch: sim.app.fetch }]));
  server.listen({ onUnhandledRequest: 'error' });
  const direct = async () => {
    const res = await sim.app.request(PUSH_PATH, init());
    if (res.status !== 202) throw new Error(`direct push answered ${res.status}: ${await res.text()}`);
    await res.json();
  };
  const bridged = async () => {
    const res = await fetch(`${BASE}${PUSH_PATH}`, init());
    if (res.status !== 202) throw new Error(`bridged push answered ${res.status}: ${await res.text()}`);
    await res.json();
  };
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
    await measure(direct, 300); // JIT warm-up for both paths
    await measure(bridged, 300);
    const out = {
      direct: [] as number[],
      bridge: [] as number[],
      directWall: [] as number[],
      bridgeWall: [] as number[],
    };
    // Interleaved rounds: a machine that slows down mid-run slows both.
    for (let round = 0; round < (quick ? 2 : 5); round++) {
      const d = await measure(direct, n);
      const b = await measure(bridged, n);
      out.direct.push(d.cpu);
      out.bridge.push(b.cpu);
      out.directWall.push(d.wall);
      out.bridgeWall.push(b.wall);
    }
    return {
      direct: summarize(out.direct),
      bridge: summarize(out.bridge),
      directWall: summarize(out.directWall),
      bridgeWall: summarize(out.bridgeWall),
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
  console.log(
    `ratio (CPU) ${(f.bridge.median / f.direct.median).toFixed(2)} ×, (wall) ${(f.bridgeWall.median / f.directWall.median).toFixed(2)} ×`,
  );
}
