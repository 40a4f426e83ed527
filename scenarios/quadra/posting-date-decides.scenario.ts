import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack } from './common.js';

/**
 * The posting date, not the invoice's own date, is the date Quadra books (the M record's date) and
 * checks against the open period. 2025 is closed, 2026 open: a December 2025 invoice posted on
 * 2026-01-05 is imported and booked on 2026-01-05; a January 2026 invoice posted on 2025-12-20
 * falls in the closed period and its line is refused, its document date notwithstanding.
 */
export default defineScenario({
  id: 'quadra/posting-date-decides',
  title:
    'Quadra books the posting date: a 2025 invoice posted in 2026 is imported; one posted in closed 2025 is refused',
  vendor: 'quadra',
  covers: ['QDR-PERIOD-NOT-OPEN'],
  steps: [
    ...linkAndSend(
      { id: 'LATE', kind: 'purchase', date: '2026-01-05', documentDate: '2025-12-20' },
      { id: 'EARLY', kind: 'purchase', date: '2025-12-20', documentDate: '2026-01-05' },
    ),
    ...openAndReadBack,
  ],
  expect: [
    { expect: 'status', entry: 'LATE', is: 'posted' },
    { expect: 'vendor-entry', entry: 'LATE', state: 'posted', postingDate: '2026-01-05' },
    {
      expect: 'status',
      entry: 'EARLY',
      is: 'sync-failed',
      catalogueId: 'QDR-PERIOD-NOT-OPEN',
      variant: 1,
      params: { line: '1', date: '2025-12-20', file: 'D1' },
    },
    { expect: 'vendor-entry-count', state: 'posted', count: 1 },
  ],
  verifiedAgainstVendor: false,
});
