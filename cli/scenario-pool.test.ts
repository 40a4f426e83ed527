import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE } from '../bin/load-bundle.js';
import { loadScenarios } from '../scenarios/load.js';
import { runScenario, type ScenarioResult } from '../scenarios/runner.js';
import { runScenariosInProcess } from './scenario-pool.js';

const WORKER = join(import.meta.dirname, '..', 'bin', 'scenario-worker.js');
const withoutDurations = (results: ScenarioResult[]) => results.map((r) => ({ ...r, durationMs: 0 }));

describe("ledgersim run's pool of worker threads", () => {
  it('gives the results of one-by-one runs, in the same order, whichever thread ran each scenario', async () => {
    expect(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`).toBe(true);
    const scenarios = (await loadScenarios()).filter((s) => s.id.startsWith('sage-ge/')).slice(0, 16);
    expect(scenarios.length).toBe(16);
    const one = [];
    for (const scenario of scenarios) one.push(await runScenario(scenario));
    const key = Symbol.for('ledgersim.scenarioWorker');
    const seen: number[] = [];
    (globalThis as Record<symbol, unknown>)[key] = WORKER;
    try {
      const pooled = await runScenariosInProcess(scenarios, (done) => seen.push(done));
      expect(withoutDurations(pooled)).toEqual(withoutDurations(one));
      expect(seen).toEqual(scenarios.map((_, i) => i + 1));
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  }, 60_000);

  it('runs everything on this thread when a worker cannot start', async () => {
    const scenarios = (await loadScenarios()).filter((s) => s.id.startsWith('sage-ge/')).slice(0, 12);
    const key = Symbol.for('ledgersim.scenarioWorker');
    (globalThis as Record<symbol, unknown>)[key] = join(import.meta.dirname, 'no-such-worker.js');
    try {
      const pooled = await runScenariosInProcess(scenarios);
      expect(pooled.map((r) => [r.id, r.status])).toEqual(scenarios.map((s) => [s.id, 'passed']));
    } finally {
      delete (globalThis as Record<symbol, unknown>)[key];
    }
  }, 60_000);
});
