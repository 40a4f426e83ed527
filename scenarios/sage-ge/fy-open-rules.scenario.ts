import { defineScenario } from '../load.js';
import { fiscalYear, PURCHASE, resync, sendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/fy-open-rules',
  title: 'Red triangle: three fiscal years open; closing the oldest and resynchronizing clears it',
  vendor: 'sage-ge',
  covers: ['SGE-FY-OPEN-RULES'],
  given: {
    vendor: {
      actions: [
        {
          action: 'set-fiscal-year',
          input: { fiscalYearId: 'FY2024', start: '2024-01-01', end: '2024-12-31', status: 'open' },
        },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-OPEN-RULES' },
    { expect: 'vendor-file', problem: 'SGE-FY-OPEN-RULES' },
  ],
  remedy: {
    steps: [fiscalYear('FY2024', 'closed'), resync, { do: 'refresh-reference-data' }, ...sendAndPost(PURCHASE)],
    expect: [
      { expect: 'vendor-file', problem: null },
      { expect: 'status', entry: 'P1', is: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
