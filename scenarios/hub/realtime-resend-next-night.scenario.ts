import { defineScenario } from '../load.js';
import { lockJournal, openAndSync, PURCHASE, unlockJournal } from './common.js';

/**
 * Seed 002: after a rejection, the entry marked verified "will be resent at the next click on the
 * Synchronize button in Qonto or automatically the following night, depending on your automatic
 * sending settings". Real-time sends a first validation at once, but a resend waits like the others.
 */
export default defineScenario({
  id: 'hub/realtime-resend-next-night',
  title: 'Real-time: an entry marked verified after a rejection is resent the following night, not at once',
  vendor: 'sage-ge',
  covers: ['HUB-MARK-VERIFIED-RESEND'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
  steps: [
    lockJournal,
    { do: 'link-file' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    ...openAndSync,
  ],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' }],
  remedy: {
    steps: [
      unlockJournal,
      { do: 'mark-verified', entries: ['P1'] },
      {
        do: 'check',
        expect: [
          { expect: 'status', entry: 'P1', is: 'pending' },
          { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
        ],
      },
      { do: 'advance-clock', to: 'next-night' },
      {
        do: 'check',
        expect: [
          { expect: 'status', entry: 'P1', is: 'synchronizing' },
          { expect: 'requests', method: 'POST', path: '/entries', count: 2 },
        ],
      },
      ...openAndSync,
    ],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry-count', state: 'posted', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
