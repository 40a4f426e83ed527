import { defineScenario } from '../load.js';
import { openAndSync } from './common.js';

export default defineScenario({
  id: 'hub/exclude-entry',
  title: 'An entry too old to fix is excluded: it is never sent again',
  vendor: 'sage-ge',
  covers: ['HUB-EXCLUDE-ENTRY'],
  start: '2025-12-15T09:00:00.000Z',
  steps: [
    {
      do: 'vendor-action',
      action: 'set-fiscal-year',
      input: { fiscalYearId: 'FY2026', start: '2026-01-01', end: '2026-12-31', status: 'open' },
    },
    { do: 'link-file' },
    { do: 'add-entry', entry: { id: 'OLD', kind: 'purchase', date: '2024-02-10' } },
    { do: 'mark-verified' },
    ...openAndSync,
    {
      do: 'check',
      expect: [
        {
          expect: 'status',
          entry: 'OLD',
          is: 'sync-failed',
          catalogueId: 'SGE-FY-NOT-LAST-TWO',
          params: { years: '2024' },
        },
      ],
    },
    { do: 'exclude', entry: 'OLD' },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  expect: [
    { expect: 'status', entry: 'OLD', is: 'excluded' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
  ],
  verifiedAgainstVendor: false,
});
