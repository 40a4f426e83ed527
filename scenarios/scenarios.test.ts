import { describe, expect, it } from 'vitest';
import { loadScenarios } from './load.js';
import { runScenario } from './runner.js';

const scenarios = await loadScenarios();

describe('the scenario suite (in-process)', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const result = await runScenario(scenario);
    expect(result.failures, JSON.stringify(result.timeline.at(-1), null, 1)).toEqual([]);
    expect(result.status).toBe('passed');
  });
});
