// Many tenants in one simulator (issue 19): a request's cost and a clock move's cost must not grow
// with the number of tenants. In-process, on a frozen clock; CPU time from process.cpuUsage, which
// a machine shared with other work disturbs less than wall time. Run alone:
//   node --import tsx bench/tenants.ts [--quick]
import { fileURLToPath } from 'node:url';
import { createVirtualClock } from '../core/clock.js';
import { createLoopSimulator } from '../simulators/loop/index.js';
import { loopDemoState } from '../simulators/loop/seed/demo.js';
import type { LoopState } from '../simulators/loop/state/schema.js';
import { createQuadraSimulator } from '../simulators/quadra/index.js';
import { quadraDemoState } from '../simulators/quadra/seed/demo.js';
import type { QuadraState } from '../simulators/quadra/state/schema.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { sageGeDemoState } from '../simulators/sage-ge/seed/demo.js';
import type { SageGeState } from '../simulators/sage-ge/state/schema.js';
import { BENCH_ENTITY, BENCH_NOW, BENCH_SEED } from './lib/fixtures.js';
import { summarize, type Summary } from './lib/stats.js';

export const MANY = 10_000;
const DAY = 86_400_000;
const now = new Date(BENCH_NOW);

/** The demo state with `count` more copies of its first tenant, each with credentials of its own. */
function sageState(count: number): SageGeState {
  const state = sageGeDemoState(BENCH_SEED, now);
  const model = state.tenants[BENCH_ENTITY]!;
  for (let i = 0; i < count; i++) {
    const id = `BENCH-${i}`;
    state.tenants[id] = { ...structuredClone(model), id, geIdentifier: `GE-BENCH-${String(i).padStart(16, '0')}` };
  }
  return state;
}

function loopState(count: number): LoopState {
  const state = loopDemoState(BENCH_SEED, now);
  const model = Object.values(state.tenants)[0]!;
  for (let i = 0; i < count; i++) {
    const domain = `BENCH${i}`;
    state.tenants[domain] = { ...structuredClone(model), domain, subscriptionKey: `sub-bench-${i}`, apiKeys: {} };
  }
  return state;
}

function quadraState(count: number): QuadraState {
  const state = quadraDemoState(BENCH_SEED, now);
  const model = Object.values(state.tenants)[0]!;
  for (let i = 0; i < count; i++) {
    const sicCode = String(900_000 + i);
    state.tenants[sicCode] = {
      ...structuredClone(model),
      sicCode,
      cpa: { ...model.cpa, key: `CPA-BENCH-${i}` },
      cfe: { ...model.cfe, key: `CFE-BENCH-${i}` },
      tokens: {},
    };
  }
  return state;
}

/** CPU µs per authenticated Sage GE request (GET the entity's files) with `extra` tenants beside the firm. */
async function sageCpuPerRequest(extra: number, requests: number): Promise<number> {
  const state = sageState(extra);
  const sim = createSageGeSimulator({
    clock: createVirtualClock({ start: BENCH_NOW }),
    seed: BENCH_SEED,
    initialState: state,
  });
  const headers = { authorization: `Bearer ${state.tenants[BENCH_ENTITY]!.geIdentifier}` };
  const call = async () => {
    const res = await sim.app.request('/api/v1/files', { headers });
    if (res.status !== 200) throw new Error(`Sage GE answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 1_000; i++) await call(); // JIT warm-up, so neither side pays it
  const before = process.cpuUsage();
  for (let i = 0; i < requests; i++) await call();
  const used = process.cpuUsage(before);
  await sim.close();
  return (used.user + used.system) / requests;
}

/** Wall ms of one clock advance of a day, until the work it made due is done, at `count` idle tenants. */
async function advanceMs(vendor: 'loop' | 'quadra', count: number, moves: number): Promise<number[]> {
  const clock = createVirtualClock({ start: BENCH_NOW });
  const sim =
    vendor === 'loop'
      ? createLoopSimulator({ clock, seed: BENCH_SEED, initialState: loopState(count) })
      : createQuadraSimulator({ clock, seed: BENCH_SEED, initialState: quadraState(count) });
  const times: number[] = [];
  clock.advance(DAY);
  await sim.settled(); // the first move builds the due index: a start-up cost, not a tick's
  for (let i = 0; i < moves; i++) {
    const start = performance.now();
    clock.advance(DAY);
    await sim.settled();
    times.push(performance.now() - start);
  }
  await sim.close();
  return times;
}

export interface TenantFigures {
  one: Summary;
  many: Summary;
  advance: { loop: Summary; quadra: Summary };
}

export async function measureTenants(quick: boolean): Promise<TenantFigures> {
  const requests = quick ? 2_000 : 10_000;
  const rounds = quick ? 1 : 3;
  const one: number[] = [];
  const many: number[] = [];
  // One discarded round first: the process's own warm-up would otherwise fall on whichever runs first.
  await sageCpuPerRequest(0, requests / 4);
  for (let r = 0; r < rounds; r++) {
    one.push(await sageCpuPerRequest(0, requests));
    many.push(await sageCpuPerRequest(MANY, requests));
  }
  const moves = quick ? 5 : 20;
  return {
    one: summarize(one),
    many: summarize(many),
    advance: {
      loop: summarize(await advanceMs('loop', MANY, moves)),
      quadra: summarize(await advanceMs('quadra', MANY, moves)),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measureTenants(process.argv.includes('--quick'));
  const f = (s: Summary) => `median ${s.median.toFixed(2)} (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  console.log(`Sage GE CPU µs per request, 1 firm:       ${f(figures.one)}`);
  console.log(
    `Sage GE CPU µs per request, ${MANY} more: ${f(figures.many)}  ratio (1 / many) ${(figures.one.median / figures.many.median).toFixed(2)}`,
  );
  console.log(`clock advance of a day, ${MANY} idle Loop firms, ms:   ${f(figures.advance.loop)}`);
  console.log(`clock advance of a day, ${MANY} idle Quadra firms, ms: ${f(figures.advance.quadra)}`);
}
