import { describe, expect, it } from 'vitest';
import { calendarYear } from '../seed/builders.js';
import { ENTITY, FILE, setup } from '../test-support.js';
import type { SageGeState } from '../state/schema.js';

/**
 * SGE-REFDATA-PULL names the fiscal year whose chart it gives. The route is open while the
 * Marketplace's snapshot is healthy, so GE's own fiscal years may already differ from it (closed
 * in GE, not yet resynchronized): the open year covering today, else the latest open one, else the
 * latest of all.
 */
const accountsYear = async (h: ReturnType<typeof setup>) => {
  const res = await h.request(h.api(FILE, 'accounts'));
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { fiscalYearId: string }).fiscalYearId;
};

/** GE's fiscal years replaced (new objects: the Marketplace snapshot keeps the old ones), later year first. */
const inGe =
  (...years: ReturnType<typeof calendarYear>[]) =>
  (s: SageGeState) => {
    s.tenants[ENTITY]!.files[FILE]!.fiscalYears = Object.fromEntries(years.map((fy) => [fy.id, fy]));
  };

describe('the fiscal year of the chart the hub pulls (SGE-REFDATA-PULL)', () => {
  it('the latest open year when the year covering today was closed in GE and not resynchronized', async () => {
    const h = setup({ tweak: inGe(calendarYear(2026, 'closed'), calendarYear(2025)) });
    expect(await accountsYear(h)).toBe('FY2025');
  });

  it('the latest year when GE has closed them all', async () => {
    const h = setup({ tweak: inGe(calendarYear(2026, 'closed'), calendarYear(2025, 'closed')) });
    expect(await accountsYear(h)).toBe('FY2026');
  });
});
