import { describe, expect, it } from 'vitest';
import { loadScenarios } from './load.js';
import { runScenario, type ScenarioResult } from './runner.js';

const withoutDurations = (results: ScenarioResult[]) => results.map((r) => ({ ...r, durationMs: 0 }));

describe('the in-process runner', () => {
  it('gives the same outcome, timeline included, every time a scenario runs (one scenario in four, every folder)', async () => {
    const scenarios = (await loadScenarios()).filter((_, i) => i % 4 === 0);
    expect(new Set(scenarios.map((s) => s.id.split('/')[0])).size).toBeGreaterThanOrEqual(4);
    const first: ScenarioResult[] = [];
    for (const scenario of scenarios) first.push(await runScenario(scenario));
    // The second time concurrently: nothing one scenario does reaches another.
    const second = await Promise.all(scenarios.map((scenario) => runScenario(scenario)));
    expect(withoutDurations(second)).toEqual(withoutDurations(first));
    expect(first.every((r) => r.status === 'passed')).toBe(true);
  }, 60_000);
});
