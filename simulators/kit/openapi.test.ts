import { describe, expect, it } from 'vitest';
import { createLoopSimulator } from '../loop/index.js';
import { createQuadraSimulator } from '../quadra/index.js';
import { createSageGeSimulator } from '../sage-ge/index.js';

/**
 * The served `/openapi.json` of each simulator, paths and operations in full, against the document
 * recorded before the routes were redeclared: a change in how routes are declared must not change
 * what clients and the reliability suites read from it. A deliberate change of a route updates the
 * snapshot (`vitest -u`) in the same commit. The `x-provenance` markers are left out: they have
 * their own check (`simulators/provenance.test.ts`) and change with what is learnt of the vendor.
 */
const withoutProvenance = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutProvenance)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => key !== 'x-provenance')
            .map(([key, v]) => [key, withoutProvenance(v)]),
        )
      : value;
const simulators = {
  'sage-ge': () => createSageGeSimulator(),
  quadra: () => createQuadraSimulator(),
  loop: () => createLoopSimulator(),
};

describe('the served OpenAPI documents', () => {
  for (const [vendor, create] of Object.entries(simulators)) {
    it(`${vendor}: paths and operations are unchanged`, async () => {
      const res = await create().app.request('/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { paths: unknown };
      await expect(`${JSON.stringify(withoutProvenance(doc.paths), null, 2)}\n`).toMatchFileSnapshot(
        `./__snapshots__/openapi-${vendor}.json`,
      );
    });
  }
});
