import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenarios/load.js';
import { runScenario } from '../../scenarios/runner.js';

/**
 * Scenarios written from the seeds' secondary clauses by an outside tester who had only the README
 * (README.md here says who, when and how): each is loaded as a user's file would be (`ledgersim run
 * <file>`) and must pass through the real connectors and hub engine. They are kept as written: a
 * failure here is the simulator or the hub departing from a seed, not a file to edit.
 */
const here = import.meta.dirname;
const files = readdirSync(here)
  .filter((name) => name.endsWith('.scenario.json'))
  .sort();

describe('scenarios written from the seeds by an outside tester', () => {
  it('holds the corpus (a file lost from the folder would otherwise pass unnoticed)', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it.each(files)('%s', async (name) => {
    const scenario = await loadScenarioFile(join(here, name));
    const result = await runScenario(scenario);
    expect(result.failures, JSON.stringify(result.timeline.at(-1), null, 1)).toEqual([]);
    expect(result.status).toBe('passed');
  });
});
