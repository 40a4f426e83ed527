import { describe, expect, it } from 'vitest';
import { VENDORS } from '../vendors/index.js';
import { UNDER_FAULTS } from './faults-e2e.js';

const N = 100;

describe('faults end to end: the hub and the real connectors, 20 % injected faults, over loopback', () => {
  for (const vendor of VENDORS.ids) {
    const run = UNDER_FAULTS[vendor];
    it(`${vendor}: exactly ${N} posted, 0 duplicates, 0 lost, and the hub agrees with the vendor`, {
      timeout: 60_000,
    }, async () => {
      const figures = await run({ entries: N, seed: 9 });
      expect(figures.vendor).toBe(vendor);
      expect(figures).toMatchObject({ posted: N, vendorEntries: N, duplicates: 0, lost: 0, disagreements: [] });
      const injected = Object.values(figures.faults).reduce((a, b) => a + b, 0);
      expect(injected / figures.requests).toBeGreaterThan(0.08);
      expect(Object.keys(figures.faults).sort()).toEqual(
        expect.arrayContaining(['drop', 'latency', 'malformed', 'rate-limit', 'status']),
      );
    });
  }
});
