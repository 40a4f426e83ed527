import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, linkAndSend } from './common.js';

/**
 * The posting date, not the invoice's own date, is the date the hub sends Loop (`datePiece`) and
 * the one Loop places in a fiscal year. 2025 is closed in the folder, 2026 open: a December 2025
 * invoice posted on 2026-01-05 is integrated on that date; a January 2026 invoice posted on
 * 2025-12-20 falls in the closed year and is refused, its document date notwithstanding. Reopened,
 * 2025 takes it.
 */
export default defineScenario({
  id: 'loop/posting-date-decides',
  title:
    'Loop places the entry by its posting date: a 2025 invoice posted in 2026 is integrated; one posted in closed 2025 is refused',
  vendor: 'loop',
  covers: ['LOOP-INCOMPLETE-FOLDER'],
  given: {
    vendor: {
      actions: [{ action: 'set-fiscal-year', input: { folder: LOOP_FOLDER, fiscalYearId: '2025', status: 'closed' } }],
    },
  },
  steps: [
    ...linkAndSend(
      { id: 'LATE', kind: 'purchase', date: '2026-01-05', documentDate: '2025-12-20' },
      { id: 'EARLY', kind: 'purchase', date: '2025-12-20', documentDate: '2026-01-05' },
    ),
    letLoopImport,
  ],
  expect: [
    { expect: 'status', entry: 'LATE', is: 'posted' },
    { expect: 'vendor-entry', entry: 'LATE', state: 'posted', postingDate: '2026-01-05' },
    // No open fiscal year for its date: the catalogued prerequisite, naming the closed year.
    {
      expect: 'status',
      entry: 'EARLY',
      is: 'sync-failed',
      catalogueId: 'LOOP-INCOMPLETE-FOLDER',
      params: { folder: LOOP_FOLDER, fiscalYear: '2025' },
    },
    { expect: 'vendor-entry', entry: 'EARLY', state: 'rejected', postingDate: '2025-12-20' },
  ],
  remedy: {
    steps: [
      folderAction('set-fiscal-year', { fiscalYearId: '2025', status: 'open' }),
      { do: 'mark-verified', entries: ['EARLY'] },
      { do: 'synchronize' },
      letLoopImport,
    ],
    expect: [
      { expect: 'status', entry: 'EARLY', is: 'posted' },
      { expect: 'vendor-entry', entry: 'EARLY', state: 'posted', postingDate: '2025-12-20' },
    ],
  },
  verifiedAgainstVendor: false,
});
