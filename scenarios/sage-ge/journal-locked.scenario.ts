import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/journal-locked',
  title: 'Error 1: the purchase journal is locked; opening it and marking the invoice verified posts it',
  vendor: 'sage-ge',
  covers: ['SGE-JOURNAL-LOCKED'],
  given: { vendor: { actions: [{ action: 'set-journal-lock', input: { journal: 'AC', locked: true } }] } },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' },
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected' },
  ],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-journal-lock', input: { journal: 'AC', locked: false } },
      ...resendAndPost().steps,
    ],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
