import { defineScenario } from '../load.js';
import { fiscalYear, linkAndSend, openAndSync, resync } from './common.js';

/**
 * Seed 000: "It is the recording date (posting date) of the invoice that determines the fiscal year
 * on which the entries arrive in Sage GE." 2025 is closed in GE and in the hub's data. An invoice
 * dated 2025-12-20 and posted 2026-01-05 goes to 2026 and posts; one dated 2026-01-05 but posted
 * 2025-12-20 is held pending by the hub, its document date notwithstanding.
 */
export default defineScenario({
  id: 'sage-ge/posting-date-decides',
  title:
    'The posting date, not the invoice date, picks the fiscal year: a 2025 invoice posted in 2026 goes; the reverse waits',
  vendor: 'sage-ge',
  covers: ['SGE-FY-NOT-OPEN-PENDING'],
  given: {
    vendor: {
      actions: [
        { action: 'set-fiscal-year', input: { fiscalYearId: 'FY2025', status: 'closed' } },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [
    ...linkAndSend(
      { id: 'LATE', kind: 'purchase', date: '2026-01-05', documentDate: '2025-12-20' },
      { id: 'EARLY', kind: 'purchase', date: '2025-12-20', documentDate: '2026-01-05' },
    ),
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'LATE', is: 'posted' },
    { expect: 'vendor-entry', entry: 'LATE', state: 'posted', postingDate: '2026-01-05' },
    {
      expect: 'vendor-state',
      path: ['files', 'F1', 'entries', 'ENT-000001', 'request', 'documentDate'],
      equals: '2025-12-20',
    },
    { expect: 'status', entry: 'EARLY', is: 'pending', catalogueId: 'SGE-FY-NOT-OPEN-PENDING' },
    { expect: 'vendor-entry-count', count: 1 },
  ],
  remedy: {
    // Reopening 2025 (two consecutive open years) lets the entry posted in 2025 go.
    steps: [
      fiscalYear('FY2025', 'open'),
      resync,
      { do: 'refresh-reference-data' },
      { do: 'synchronize' },
      ...openAndSync,
    ],
    expect: [{ expect: 'vendor-entry', entry: 'EARLY', state: 'posted', postingDate: '2025-12-20' }],
  },
  verifiedAgainstVendor: false,
});
