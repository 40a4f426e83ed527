import { describe, expect, it } from 'vitest';
import { concurrentPushes } from './concurrency.js';

describe('concurrency: 50 clients on one Sage GE journal, admin actions at the same time', () => {
  it('gives unique, gap-free auto-numbers and leaves a state that parses, identical on disk and in memory', {
    timeout: 60_000,
  }, async () => {
    const figures = await concurrentPushes({ clients: 50, perClient: 4 });
    expect(figures).toMatchObject({
      pushed: 200,
      injected: 200,
      duplicateNumbers: 0,
      gaps: 0,
      unexpectedAnswers: [],
      stateMatchesSchema: true,
      diskMatchesMemory: true,
    });
    expect(figures.adminActions).toBeGreaterThan(0);
  });
});
