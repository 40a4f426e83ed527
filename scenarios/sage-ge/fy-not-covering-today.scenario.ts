import { defineScenario } from '../load.js';
import { fiscalYear, PURCHASE, resync, sendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/fy-not-covering-today',
  title: 'Red triangle: no open fiscal year covers today; once fixed in GE and resynchronized, the file works again',
  vendor: 'sage-ge',
  covers: ['SGE-FY-NOT-COVERING-TODAY'],
  given: {
    vendor: {
      actions: [
        { action: 'set-fiscal-year', input: { fiscalYearId: 'FY2026', status: 'closed' } },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-NOT-COVERING-TODAY' },
    { expect: 'vendor-file', problem: 'SGE-FY-NOT-COVERING-TODAY' },
  ],
  remedy: {
    steps: [
      fiscalYear('FY2026', 'open'),
      // Fixed in GE, but the Marketplace still shows the old fiscal years until resynchronized.
      { do: 'check', expect: [{ expect: 'vendor-file', problem: 'SGE-FY-NOT-COVERING-TODAY' }] },
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
