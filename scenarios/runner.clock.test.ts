import { describe, expect, it, vi } from 'vitest';
import type { VirtualClock } from '../core/clock.js';
import { parseScenario } from '../contracts/scenario/schema.js';

/** Every clock the runner creates, to count how often it is moved. */
const clocks: VirtualClock[] = [];
vi.mock('../core/clock.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../core/clock.js')>();
  return {
    ...original,
    createVirtualClock: (...args: Parameters<typeof original.createVirtualClock>) => {
      const clock = original.createVirtualClock(...args);
      clocks.push(clock);
      return clock;
    },
  };
});
const { runScenario } = await import('./runner.js');

describe('the scenario runner in-process', () => {
  it("moves the shared clock once per advance-clock step (the simulator runs on the runner's clock)", async () => {
    const scenario = parseScenario(
      {
        id: 'hub/clock-test',
        title: 'clock',
        vendor: 'sage-ge',
        covers: ['HUB-SYNC-DAILY'],
        steps: [
          { do: 'advance-clock', by: '2h' },
          { do: 'advance-clock', to: 'next-night' },
          { do: 'advance-clock', to: 'next-evening' },
        ],
        expect: [{ expect: 'requests', method: 'POST', path: '/entries', count: 0 }],
        verifiedAgainstVendor: false,
      },
      'test',
    );
    const moves: string[] = [];
    const run = runScenario(scenario);
    // The runner creates its clock synchronously, before its first await.
    const clock = clocks.at(-1)!;
    clock.onChange((now) => moves.push(now.toISOString()));
    const result = await run;
    expect(result.failures).toEqual([]);
    // setUp's `set` to the start, then one move per step.
    expect(moves).toEqual([
      '2026-03-16T09:00:00.000Z',
      '2026-03-16T11:00:00.000Z',
      '2026-03-17T02:00:00.000Z',
      '2026-03-17T20:00:00.000Z',
    ]);
  });
});
