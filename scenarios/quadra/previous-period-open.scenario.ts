import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack, resendAndPost } from './common.js';

const openPeriod = (id: string, year: number) => ({
  do: 'vendor-action' as const,
  action: 'open-period',
  input: { id, start: `${year}-01-01`, end: `${year}-12-31` },
});

/**
 * Seed 003: "Make sure the previous period has been properly closed before creating a new one".
 * March 2026, the dossier still works in 2025: 2025 is open, 2026 is not. An invoice of March 2026
 * is uploaded; its line falls in no open period and the import refuses it. Opening 2026 is refused
 * while 2025 is open; 2025 closed first, 2026 opens, and the entry marked verified posts.
 */
export default defineScenario({
  id: 'quadra/previous-period-open',
  title:
    'The previous period (2025) left open: 2026 cannot be opened and a 2026 entry is refused; 2025 closed, 2026 opened, it posts',
  vendor: 'quadra',
  covers: ['QDR-PERIOD-NOT-OPEN'],
  given: {
    vendor: {
      actions: [
        { action: 'close-period', input: { periodId: 'EX2026' } },
        { action: 'open-period', input: { id: 'EX2025', start: '2025-01-01', end: '2025-12-31' } },
      ],
    },
  },
  steps: [...linkAndSend({ id: 'P1', kind: 'purchase', date: '2026-03-10' }), ...openAndReadBack],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'QDR-PERIOD-NOT-OPEN',
      variant: 1,
      params: { line: '1', date: '2026-03-10', file: 'D1' },
    },
    { expect: 'vendor-entry-count', state: 'posted', count: 0 },
  ],
  remedy: {
    steps: [
      // Period Management: the new period is refused while the previous one is open...
      { ...openPeriod('EX2026', 2026), refused: true },
      // ...so the previous one is closed first.
      { do: 'vendor-action', action: 'close-period', input: { periodId: 'EX2025' } },
      openPeriod('EX2026', 2026),
      ...resendAndPost('P1').steps,
    ],
    expect: [
      ...resendAndPost('P1').expect,
      { expect: 'vendor-state', path: ['dossiers', 'D1', 'periods', 'EX2025', 'status'], equals: 'closed' },
      { expect: 'vendor-entry', entry: 'P1', postingDate: '2026-03-10' },
    ],
  },
  verifiedAgainstVendor: false,
});
