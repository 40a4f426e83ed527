import { defineScenario } from '../load.js';
import { fiscalYear, linkAndSend, openAndSync, resendAndPost, resync } from './common.js';

/**
 * Error 6's first remedy, "Adjust the open fiscal years in Sage GE (maximum two consecutive fiscal
 * years, including one covering the posting date)". December 2025: 2024 and 2025 open, then 2026
 * opened in GE ahead of the new year; an invoice of 2024 is refused. Instead of changing its date
 * (`sage-ge/fy-not-last-two`), the firm closes 2026 again: 2024 + 2025 are the two open years, the
 * posting date is in one of them, and the same invoice, marked verified, posts.
 */
export default defineScenario({
  id: 'sage-ge/fy-not-last-two-adjust-years',
  title: 'Error 6: the open fiscal years adjusted in GE (2026 closed again), the 2024 invoice posts unchanged',
  vendor: 'sage-ge',
  covers: ['SGE-FY-NOT-LAST-TWO'],
  start: '2025-12-15T09:00:00.000Z',
  steps: [
    fiscalYear('FY2026', 'open', { start: '2026-01-01', end: '2026-12-31' }),
    ...linkAndSend({ id: 'P1', kind: 'purchase', date: '2024-06-10' }),
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-FY-NOT-LAST-TWO', params: { years: '2024' } },
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected', postingDate: '2024-06-10' },
  ],
  remedy: {
    steps: [fiscalYear('FY2026', 'closed'), resync, ...resendAndPost().steps],
    expect: [
      ...resendAndPost().expect,
      // Not re-dated: the posting date is the one GE refused.
      { expect: 'vendor-entry', entry: 'P1', state: 'posted', postingDate: '2024-06-10' },
      // Two consecutive open years, one covering today: no red triangle.
      { expect: 'vendor-file', problem: null },
    ],
  },
  verifiedAgainstVendor: false,
});
