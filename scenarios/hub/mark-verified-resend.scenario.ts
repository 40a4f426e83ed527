import { defineScenario } from '../load.js';
import { lockJournal, openAndSync, PURCHASE, unlockJournal } from './common.js';

export default defineScenario({
  id: 'hub/mark-verified-resend',
  title: 'Marked as verified after a fix, a rejected entry is resent automatically the following night',
  vendor: 'sage-ge',
  covers: ['HUB-MARK-VERIFIED-RESEND'],
  given: { hub: { frequency: 'daily', weeklyAccountSync: true } },
  steps: [
    lockJournal,
    { do: 'link-file' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'synchronize' },
    ...openAndSync,
  ],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' }],
  remedy: {
    steps: [
      unlockJournal,
      { do: 'mark-verified', entries: ['P1'] },
      { do: 'check', expect: [{ expect: 'status', entry: 'P1', is: 'pending' }] },
      { do: 'advance-clock', to: 'next-night' },
      { do: 'check', expect: [{ expect: 'status', entry: 'P1', is: 'synchronizing' }] },
      ...openAndSync,
    ],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry-count', count: 2 },
      { expect: 'vendor-entry-count', state: 'posted', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
