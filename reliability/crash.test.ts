import { describe, expect, it } from 'vitest';
import { crashRun } from './crash.js';

describe('crashes: SIGKILL of `ledgersim start --data DIR` under concurrent pushes', () => {
  it('keeps every acknowledged entry, with files that parse and nothing half-written', {
    timeout: 60_000,
  }, async () => {
    const figures = await crashRun({ clients: 6, killAfterAcks: 40 });
    expect(figures.acknowledged).toBeGreaterThanOrEqual(40);
    expect(figures).toMatchObject({ lost: 0, unexpected: 0, snapshotParses: true, stateMatchesSchema: true });
    // At most the last line of the log can be torn (an append cut by the kill, never acknowledged).
    expect(figures.tornLogLines).toBeLessThanOrEqual(1);
  });
});

describe('crashes while the admin plane replaces the whole state', () => {
  it('keeps every entry the simulator held after the replaces, and every one acknowledged since', {
    timeout: 60_000,
  }, async () => {
    const figures = await crashRun({ clients: 12, killAfterAcks: 60, replaces: 6 });
    expect(figures.replaces).toBe(6);
    expect(figures).toMatchObject({ lost: 0, unexpected: 0, snapshotParses: true, stateMatchesSchema: true });
    expect(figures.tornLogLines).toBeLessThanOrEqual(1);
  });
});
