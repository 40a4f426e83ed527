import { describe, expect, it } from 'vitest';
import { parseScenario, type Step } from '../../contracts/scenario/schema.js';
import reimported from '../../scenarios/quadra/failed-check-reimported.scenario.js';
import { runScenario } from '../../scenarios/runner.js';

const S1_UPLOADS = { expect: 'requests', method: 'PUT', path: '/**/input/S1.*.txt' } as const;

describe('a new attempt at an entry an earlier attempt of which Quadra imported', () => {
  it('is not sent while Quadra cannot say whether it holds the entry again; sent as nothing once it can, and posts once', async () => {
    // quadra/failed-check-reimported: S1 went to Failed check, then the dossier imported a night's upload of it.
    const steps: Step[] = [
      { do: 'inject-fault', fault: { kind: 'status', status: 503, path: '/QuadraODOpenApi/GetEcritures' } },
      { do: 'mark-verified', entries: ['S1'] },
      { do: 'synchronize' },
      {
        do: 'check',
        expect: [
          { expect: 'status', entry: 'S1', is: 'pending' },
          // The first upload and the 2 nights': nothing more.
          { ...S1_UPLOADS, count: 3 },
        ],
      },
      { do: 'clear-faults' },
      { do: 'synchronize' },
      { do: 'open-file' },
      { do: 'advance-clock', by: '12h' },
    ];
    const scenario = parseScenario(
      {
        ...reimported,
        id: 'quadra/failed-check-reimported-cpa-down',
        remedy: {
          steps,
          expect: [
            { expect: 'status', entry: 'S1', is: 'posted' },
            { expect: 'vendor-entry-count', count: 2, state: 'posted' },
            { ...S1_UPLOADS, count: 3 },
          ],
        },
      },
      'test',
    );
    const result = await runScenario(scenario);
    expect(result.failures).toEqual([]);
  });
});
