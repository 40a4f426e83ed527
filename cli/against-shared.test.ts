import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRealTime, type RealTime } from '../core/clock.js';
import { scenarioTenantIds } from '../scenarios/runner.js';
import { startSimulators, type StartedSimulators } from '../simulators/start.js';
import { main } from './main.js';
import { capture } from './test-support.js';

/**
 * `run --against` on a server others use: each scenario in a tenant of its own (unique per run,
 * drawn from the run seed) on a time line of its own; the server's clock is never moved.
 */
type Results = { results: { id: string; status: string; mode: string; tenant?: string; failures: string[] }[] };

/** Scenarios that move their tenant's clock (nights, hours) on every vendor. */
const TIMED = ['hub/sync-daily', 'hub/realtime-resend-next-night', 'quadra/*', 'loop/*'];

describe('tenant ids of a run against a shared server', () => {
  it('are seeded: the same run seed draws the same ids, another seed others', () => {
    const one = scenarioTenantIds('quadra/retry-nights', 7);
    const again = scenarioTenantIds('quadra/retry-nights', 7);
    const other = scenarioTenantIds('quadra/retry-nights', 8);
    const first = [one(), one(), one()];
    expect([again(), again(), again()]).toEqual(first);
    expect(other()).not.toBe(first[0]);
    expect(new Set(first).size).toBe(3);
    expect(first[0]).toMatch(/^scn-quadra-retry-nights-[a-z0-9]{6}$/);
  });
});

describe('two concurrent runs --against one server', () => {
  let running: StartedSimulators;
  beforeAll(async () => {
    running = await startSimulators({ portBase: 0, seed: 3, now: '2026-03-16T09:00:00Z', dashboard: false });
  });
  afterAll(() => running.close());

  it('both pass, each scenario in a tenant of its own (same run seed: the second run draws past the first’s ids)', async () => {
    const urls = running.simulators.flatMap((s) => ['--against', s.url]);
    const before = await Promise.all(
      running.simulators.map(async (s) => (await fetch(`${s.url}/__admin/clock`)).json()),
    );
    const a = capture();
    const b = capture();
    const [codeA, codeB] = await Promise.all([
      main(['run', ...TIMED, '--json', ...urls], a.io),
      main(['run', ...TIMED, '--json', ...urls], b.io),
    ]);
    const resultsA = (JSON.parse(a.out()) as Results).results;
    const resultsB = (JSON.parse(b.out()) as Results).results;
    expect(
      resultsA.filter((r) => r.status !== 'passed').map((r) => [r.id, r.failures]),
      'run A',
    ).toEqual([]);
    expect(
      resultsB.filter((r) => r.status !== 'passed').map((r) => [r.id, r.failures]),
      'run B',
    ).toEqual([]);
    expect([codeA, codeB]).toEqual([0, 0]);
    expect(resultsA.length).toBeGreaterThan(5);
    // Each scenario had a tenant of its own. The same seed draws the same ids in both runs: while
    // one run holds an id the other is refused it (412) and draws the next; once freed, an id may
    // be taken again, so the two lists may share ids taken one after the other.
    const tenantsA = resultsA.map((r) => r.tenant);
    const tenantsB = resultsB.map((r) => r.tenant);
    expect(tenantsA.every((t) => typeof t === 'string' && t.startsWith('scn-'))).toBe(true);
    expect(new Set(tenantsA).size).toBe(tenantsA.length);
    expect(new Set(tenantsB).size).toBe(tenantsB.length);
    // The server's clock and its tenants' lines are as they were; no scenario tenant is left.
    const after = await Promise.all(
      running.simulators.map(async (s) => (await fetch(`${s.url}/__admin/clock`)).json()),
    );
    expect(after).toEqual(before);
    for (const s of running.simulators) {
      const { tenants } = (await (await fetch(`${s.url}/__admin/tenants`)).json()) as { tenants: string[] };
      expect(
        tenants.filter((t) => t.startsWith('scn-')),
        s.url,
      ).toEqual([]);
    }
  }, 240_000);
});

describe('run --against a live server', () => {
  let running: StartedSimulators;
  /** Real time read from a variable, so that a clock reading and a real-time reading are of one instant. */
  let realNow = Date.now();
  let ticker: ReturnType<typeof setInterval>;
  const real: RealTime = { ...systemRealTime, now: () => realNow };
  beforeAll(async () => {
    ticker = setInterval(() => (realNow = Date.now()), 2);
    running = await startSimulators({
      portBase: 0,
      seed: 3,
      now: '2026-03-16T09:00:00Z',
      clock: 'live',
      realTime: real,
      dashboard: false,
    });
  });
  afterAll(async () => {
    clearInterval(ticker);
    await running.close();
  });

  it('leaves the server clock exactly as it was flowing (its offset over real time unchanged)', async () => {
    const offset = () => running.clock.nowMs() - realNow;
    const before = offset();
    const startedAt = realNow;
    const c = capture();
    const code = await main(
      [
        'run',
        'quadra/retry-nights',
        'hub/sync-daily',
        'loop/*',
        '--json',
        ...running.simulators.flatMap((s) => ['--against', s.url]),
      ],
      c.io,
    );
    const results = (JSON.parse(c.out()) as Results).results;
    expect(
      results.filter((r) => r.status !== 'passed').map((r) => [r.id, r.failures]),
      c.err(),
    ).toEqual([]);
    expect(code).toBe(0);
    expect(realNow).toBeGreaterThan(startedAt); // real time did pass meanwhile
    expect(offset()).toBe(before);
  }, 120_000);

  it('runs each scenario on its own frozen time line: its instants are the scenario’s, not real time’s', async () => {
    // Both read instants the vendor stamps with its tenant's time (a fiscal year activated, an
    // accounting session opened) and expect the scenario's own: real time must not leak in.
    const c = capture();
    const code = await main(
      [
        'run',
        'sage-ge/bulk-activation-subset',
        'sage-ge/stuck-accounting-already-open',
        '--json',
        ...running.simulators.flatMap((s) => ['--against', s.url]),
      ],
      c.io,
    );
    const results = (JSON.parse(c.out()) as Results).results;
    expect(
      results.filter((r) => r.status !== 'passed').map((r) => [r.id, r.failures]),
      c.err(),
    ).toEqual([]);
    expect(results.map((r) => r.id).sort()).toEqual([
      'sage-ge/bulk-activation-subset',
      'sage-ge/stuck-accounting-already-open',
    ]);
    expect(code).toBe(0);
  }, 60_000);
});
