// Many tenants in one simulator (issue 19): a request's cost and a clock move's cost must not grow
// with the number of tenants. In-process, on a frozen clock; CPU time from process.cpuUsage, which
// a machine shared with other work disturbs less than wall time. Run alone:
//   node --import tsx bench/tenants.ts [--quick]
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
    // A key of its own per firm: the credential index holds 10,001 keys, as a shared server would.
    const key = { ...structuredClone(Object.values(model.apiKeys)[0]!), key: `KEYBENCH${i}` };
    state.tenants[domain] = {
      ...structuredClone(model),
      domain,
      subscriptionKey: `sub-bench-${i}`,
      apiKeys: { [key.key]: key },
    };
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

type Vendor = 'sage-ge' | 'loop' | 'quadra';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * CPU µs per authenticated request with `extra` tenants beside the demo ones: Sage GE lists the
 * entity's files, Loop its folders (the two headers the docs name, no x-domain: the key says
 * which firm), Quadra the CPA dossiers with a bearer token. Each authentication is one look-up
 * in the kit's credential index, whatever the number of tenants.
 */
export async function cpuPerRequest(vendor: Vendor, extra: number, requests: number): Promise<number> {
  const clock = createVirtualClock({ start: BENCH_NOW });
  let call: () => Promise<Response>;
  let close: () => Promise<void>;
  if (vendor === 'sage-ge') {
    const state = sageState(extra);
    const sim = createSageGeSimulator({ clock, seed: BENCH_SEED, initialState: state });
    const headers = { authorization: `Bearer ${state.tenants[BENCH_ENTITY]!.geIdentifier}` };
    call = async () => sim.app.request('/api/v1/files', { headers });
    close = sim.close;
  } else if (vendor === 'loop') {
    const state = loopState(extra);
    const sim = createLoopSimulator({ clock, seed: BENCH_SEED, initialState: state });
    const firm = Object.values(state.tenants)[0]!;
    const key = Object.values(firm.apiKeys)[0]!;
    const headers = { 'Ocp-Apim-Subscription-Key': firm.subscriptionKey, 'x-apikey': `${key.key}:${key.secret}` };
    call = async () => sim.app.request('/loop-api-publiques/dossiers', { headers });
    close = sim.close;
  } else {
    const state = quadraState(extra);
    const sim = createQuadraSimulator({ clock, seed: BENCH_SEED, initialState: state });
    const firm = Object.values(state.tenants)[0]!;
    const res = await sim.app.request('/QuadraODOpenApi/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: firm.cpa.key,
        client_secret: firm.cpa.secret,
        vendor_name: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
        application_name: 'ledgersim bench',
        application_version: '1.0.0',
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`Quadra's token endpoint answered ${res.status}: ${await res.text()}`);
    const { access_token } = (await res.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}` };
    call = async () => sim.app.request('/QuadraODOpenApi/GetDossiers', { method: 'POST', headers });
    close = sim.close;
  }
  const checked = async () => {
    const res = await call();
    if (res.status !== 200) throw new Error(`${vendor} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 1_000; i++) await checked(); // JIT warm-up, so neither side pays it
  // Building 10,000 tenants leaves garbage whose full collection would otherwise land in the
  // measured requests of the many-tenant side only (about 25 µs a request over 3,000 of them).
  collectGarbage();
  // That collection leaves the whole old generation to sweep (900 MB with 10,000 tenants), which
  // V8's sweeper threads do for the next second or two, and young collections meanwhile wait for
  // the pages they need: requests first, so that the timed ones meet the heap as a server would.
  for (let i = 0; i < 1_000; i++) await checked();
  await new Promise<void>((resolve) => setTimeout(resolve, 1_000));
  const before = process.cpuUsage();
  for (let i = 0; i < requests; i++) await checked();
  const used = process.cpuUsage(before);
  await close();
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
  /** CPU µs per authenticated request, with the demo tenants only and with 10,000 more, per vendor. */
  requests: Record<Vendor, { one: Summary; many: Summary }>;
  advance: { loop: Summary; quadra: Summary };
}

export async function measureTenants(quick: boolean): Promise<TenantFigures> {
  const requests = quick ? 2_000 : 10_000;
  const rounds = quick ? 1 : 3;
  const figures = {} as TenantFigures['requests'];
  for (const vendor of ['sage-ge', 'loop', 'quadra'] as const) {
    const one: number[] = [];
    const many: number[] = [];
    // One discarded round first: the process's own warm-up would otherwise fall on whichever runs first.
    await cpuPerRequest(vendor, 0, requests / 4);
    for (let r = 0; r < rounds; r++) {
      one.push(await cpuPerRequest(vendor, 0, requests));
      many.push(await cpuPerRequest(vendor, MANY, requests));
    }
    figures[vendor] = { one: summarize(one), many: summarize(many) };
  }
  const moves = quick ? 5 : 20;
  return {
    requests: figures,
    advance: {
      loop: summarize(await advanceMs('loop', MANY, moves)),
      quadra: summarize(await advanceMs('quadra', MANY, moves)),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measureTenants(process.argv.includes('--quick'));
  const f = (s: Summary) => `median ${s.median.toFixed(2)} (min ${s.min.toFixed(2)}, max ${s.max.toFixed(2)})`;
  for (const [vendor, { one, many }] of Object.entries(figures.requests)) {
    console.log(`${vendor} CPU µs per request, demo tenants:  ${f(one)}`);
    console.log(
      `${vendor} CPU µs per request, ${MANY} more: ${f(many)}  ratio (one / many) ${(one.median / many.median).toFixed(2)}`,
    );
  }
  console.log(`clock advance of a day, ${MANY} idle Loop firms, ms:   ${f(figures.advance.loop)}`);
  console.log(`clock advance of a day, ${MANY} idle Quadra firms, ms: ${f(figures.advance.quadra)}`);
}
