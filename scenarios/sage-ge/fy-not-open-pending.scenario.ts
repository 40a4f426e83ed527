import { defineScenario } from '../load.js';
import { fiscalYear, linkAndSend, openAndSync, resync } from './common.js';

export default defineScenario({
  id: 'sage-ge/fy-not-open-pending',
  title: 'An entry dated in a fiscal year that is not open stays pending and is never sent; opening the year sends it',
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
  steps: [...linkAndSend({ id: 'OLD', kind: 'purchase', date: '2025-11-10' }), { do: 'synchronize' }],
  expect: [
    { expect: 'status', entry: 'OLD', is: 'pending', catalogueId: 'SGE-FY-NOT-OPEN-PENDING' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 0 },
  ],
  remedy: {
    steps: [
      fiscalYear('FY2025', 'open'),
      resync,
      { do: 'refresh-reference-data' },
      { do: 'synchronize' },
      ...openAndSync,
    ],
    expect: [{ expect: 'status', entry: 'OLD', is: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
