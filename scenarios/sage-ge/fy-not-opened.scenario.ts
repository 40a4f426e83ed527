import { defineScenario } from '../load.js';
import { fiscalYear, openAndSync, resendAndPost } from './common.js';

/**
 * Seed 002, error 1's second cause: "The invoice posting date may fall within a fiscal year not
 * opened in Sage GE". The hub read 2025 and 2026 open when the file was linked; since, the firm
 * removed 2025 from GE (deleted, to be set up again). The hub's data still says 2025 is open, so it
 * sends an invoice posted in 2025; GE has no fiscal year, hence no open journal, for that date and
 * refuses it with error 1, though the purchase journal itself is open. "Open the necessary journals
 * in Sage GE": 2025 opened again with its journals, the invoice marked verified posts.
 */
export default defineScenario({
  id: 'sage-ge/fy-not-opened',
  title: 'Error 1: the posting date falls in a fiscal year not opened in GE; the year opened, the invoice posts',
  vendor: 'sage-ge',
  covers: ['SGE-JOURNAL-LOCKED'],
  steps: [
    { do: 'link-file' },
    { do: 'vendor-action', action: 'delete-fiscal-year', input: { fiscalYearId: 'FY2025' } },
    { do: 'add-entry', entry: { id: 'P1', kind: 'purchase', date: '2025-11-20' } },
    { do: 'mark-verified' },
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' },
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected', postingDate: '2025-11-20' },
    // Not the journal's lock: the year is missing.
    { expect: 'vendor-state', path: ['files', 'F1', 'journals', 'AC', 'locked'], equals: false },
    { expect: 'vendor-state', path: ['files', 'F1', 'fiscalYears', 'FY2025'], exists: false },
  ],
  remedy: {
    steps: [fiscalYear('FY2025', 'open', { start: '2025-01-01', end: '2025-12-31' }), ...resendAndPost().steps],
    expect: [
      ...resendAndPost().expect,
      { expect: 'vendor-entry', entry: 'P1', state: 'posted', postingDate: '2025-11-20' },
    ],
  },
  verifiedAgainstVendor: false,
});
