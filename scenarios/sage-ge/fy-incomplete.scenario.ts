import { defineScenario } from '../load.js';
import { fiscalYear, PURCHASE, resync, sendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/fy-incomplete',
  title: 'An open fiscal year without a complete chart of accounts: completed and resynchronized, entries flow',
  vendor: 'sage-ge',
  covers: ['SGE-FY-INCOMPLETE'],
  given: {
    vendor: {
      actions: [
        { action: 'set-fiscal-year', input: { fiscalYearId: 'FY2026', status: 'open', chartComplete: false } },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-INCOMPLETE' },
    { expect: 'vendor-file', problem: 'SGE-FY-INCOMPLETE' },
  ],
  remedy: {
    steps: [
      fiscalYear('FY2026', 'open', { chartComplete: true }),
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
