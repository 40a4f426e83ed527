import { describe, expect, it } from 'vitest';
import { fuzz, overDefaultLimit, reservedNameSweep } from './bad-input.js';
import { sageWorld, WORLD_NAMES } from './worlds.js';

/** Seeded: a failure prints fast-check's seed and counterexample, and reruns the same way. */
const SEED = Number(process.env.RELIABILITY_SEED ?? 20260316);
const RUNS = 150;

describe('bad input, property-based, on every route (quick: the full run is `npm run fuzz`)', () => {
  for (const simulator of WORLD_NAMES) {
    for (const plane of ['vendor', 'admin'] as const) {
      it(`${simulator} ${plane} routes: a 2xx or a 4xx in the expected shape, never a 5xx, and a refusal changes nothing`, async () => {
        const figures = await fuzz({ simulator, plane, runs: RUNS, seed: SEED });
        expect(figures.violations).toEqual([]);
        expect(figures.tried).toBe(RUNS);
        // The breakages reach the validation, not only the happy path.
        expect(
          Object.entries(figures.byStatus)
            .filter(([s]) => Number(s) >= 400)
            .reduce((n, [, c]) => n + c, 0),
        ).toBeGreaterThan(RUNS / 2);
      });
    }
    it(`${simulator}: every string field of every vendor body set to __proto__, constructor or prototype: a 2xx or a 4xx, and nothing breaks later on the clock`, async () => {
      const figures = await reservedNameSweep(simulator);
      expect(figures.violations).toEqual([]);
      expect(figures.tried).toBeGreaterThan(20);
    });
    it(`${simulator}: a body over the default 5 MiB limit is a 413 in the vendor's shape, and changes nothing`, async () => {
      const result = await overDefaultLimit(simulator);
      expect(result).toMatchObject({ status: 413, shapeOk: true, unchanged: true });
    });
  }

  it('refuses a clock move past the last representable instant with a 400 (it was a 500 that left the clock broken)', async () => {
    const world = await sageWorld();
    try {
      for (const advance of [Number.MAX_SAFE_INTEGER, 8.64e15]) {
        const res = await world.sim.app.request('/__admin/clock', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advance }),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'bad-request' });
      }
      expect((await world.sim.app.request('/__admin/health')).status).toBe(200);
      expect(world.clock.now().toISOString()).toBe('2026-03-16T09:00:00.000Z');
    } finally {
      await world.sim.close();
    }
  });
});
