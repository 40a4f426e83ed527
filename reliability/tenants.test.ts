import { describe, expect, it } from 'vitest';
import { cellProblem, tenantMatrix } from './tenants.js';
import { WORLD_NAMES } from './worlds.js';

describe("tenants and credentials: every vendor route × (none, wrong, expired, another tenant's)", () => {
  for (const simulator of WORLD_NAMES) {
    it(`${simulator}: refuses with the vendor's 401/403/404 (Loop: its 400 for an unknown folder), never a byte of the other tenant's data`, async () => {
      const cells = await tenantMatrix(simulator);
      const problems = cells
        .map((cell) => ({
          cell: `${cell.variant} as ${cell.victim}: ${cell.route} → ${cell.status} ${cell.code ?? ''}`,
          problem: cellProblem(cell),
        }))
        .filter((p) => p.problem);
      expect(problems).toEqual([]);
      // Every route, both tenants, each variant (and expired tokens where the vendor has them).
      const routes = new Set(cells.map((c) => c.route));
      expect(cells.filter((c) => c.variant !== 'expired')).toHaveLength(routes.size * 2 * 3);
      if (simulator === 'quadra') expect(cells.filter((c) => c.variant === 'expired').length).toBeGreaterThan(0);
      // The refusals are refusals: no credentials never reads anything.
      expect(cells.filter((c) => c.variant === 'none' && c.status < 400)).toEqual([]);
    });
  }
});
