import { defineScenario } from '../load.js';
import { fiscalYear, PURCHASE, resync, sendAndPost } from './common.js';

/**
 * Seed 000: the two open years "must be consecutive and not overlap". 2026 was created starting
 * 2025-12-01, inside 2025: two open years, but overlapping, so the red triangle shows. 2026 set to
 * start on 2026-01-01 and the fiscal years resynchronized, entries flow.
 */
export default defineScenario({
  id: 'sage-ge/fy-open-overlap',
  title: 'Red triangle: 2026 starts inside 2025 (overlap); its start corrected and resynchronized, entries flow',
  vendor: 'sage-ge',
  covers: ['SGE-FY-OPEN-RULES'],
  given: {
    vendor: {
      actions: [
        { action: 'set-fiscal-year', input: { fiscalYearId: 'FY2026', start: '2025-12-01', status: 'open' } },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-OPEN-RULES', params: { years: '2025, 2026' } },
    { expect: 'vendor-file', problem: 'SGE-FY-OPEN-RULES' },
  ],
  remedy: {
    steps: [
      fiscalYear('FY2026', 'open', { start: '2026-01-01' }),
      resync,
      { do: 'refresh-reference-data' },
      ...sendAndPost(PURCHASE),
    ],
    expect: [
      { expect: 'vendor-file', problem: null },
      { expect: 'status', entry: 'P1', is: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
