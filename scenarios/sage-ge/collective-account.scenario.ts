import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/collective-account',
  title: 'Error 4: a collective account without a subsidiary account; adding it and marking verified posts it',
  vendor: 'sage-ge',
  covers: ['SGE-COLLECTIVE-ACCOUNT'],
  steps: [
    ...linkAndSend({
      ...PURCHASE,
      lines: [
        { generalAccount: '606400', debit: 10_000, credit: 0 },
        { generalAccount: '445660', debit: 2_000, credit: 0 },
        { generalAccount: '401000', debit: 0, credit: 12_000 },
      ],
    }),
    ...openAndSync,
  ],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'SGE-COLLECTIVE-ACCOUNT',
      params: { account: '401000' },
    },
  ],
  remedy: {
    // "Edit the invoice by adding the missing auxiliary account, then mark it as verified."
    steps: [{ do: 'edit-entry', entry: PURCHASE }, ...resendAndPost().steps],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
