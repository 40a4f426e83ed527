import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/account-locked',
  title: 'Error 5: the expense account is locked in GE; unlocking it and marking verified posts the invoice',
  vendor: 'sage-ge',
  covers: ['SGE-ACCOUNT-LOCKED'],
  given: { vendor: { actions: [{ action: 'set-account-lock', input: { account: '606400', locked: true } }] } },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'SGE-ACCOUNT-LOCKED',
      params: { account: '606400' },
    },
  ],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-account-lock', input: { account: '606400', locked: false } },
      ...resendAndPost().steps,
    ],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
