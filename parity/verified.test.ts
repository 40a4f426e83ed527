import { describe, expect, it } from 'vitest';
import { scenarioLine } from '../cli/scenarios.js';
import { parseScenario, ScenarioFileError } from '../contracts/scenario/schema.js';
import { loadScenarios } from '../scenarios/load.js';

/** A scenario whose exchanges passed `ledgersim parity` carries the recording's date. */
describe('the verifiedAgainstVendor marker', () => {
  const base = async () => {
    const [scenario] = await loadScenarios();
    const { verifiedAgainstVendor: _, ...rest } = scenario!;
    return rest;
  };

  it('is optional (not verified by default), a date, or a date with the recording, and ledgersim scenarios shows it', async () => {
    const rest = await base();
    expect(parseScenario(rest, 'x').verifiedAgainstVendor).toBe(false);
    expect(scenarioLine(parseScenario(rest, 'x'))).not.toContain('verified');
    const dated = parseScenario({ ...rest, verifiedAgainstVendor: '2026-03-16' }, 'x');
    expect(scenarioLine(dated)).toMatch(/ {2}verified against the vendor 2026-03-16$/);
    const named = parseScenario(
      { ...rest, verifiedAgainstVendor: { date: '2026-03-16', recording: 'recordings/sage-ge-push.jsonl' } },
      'x',
    );
    expect(scenarioLine(named)).toMatch(/verified against the vendor 2026-03-16 \(recordings\/sage-ge-push\.jsonl\)$/);
  });

  it('refuses what is not a date', async () => {
    const rest = await base();
    expect(() => parseScenario({ ...rest, verifiedAgainstVendor: 'yesterday' }, 'x')).toThrow(ScenarioFileError);
    expect(() => parseScenario({ ...rest, verifiedAgainstVendor: true }, 'x')).toThrow(/verifiedAgainstVendor/);
    expect(() => parseScenario({ ...rest, verifiedAgainstVendor: { date: '2026-03-16' } }, 'x')).toThrow(
      /verifiedAgainstVendor/,
    );
  });
});
