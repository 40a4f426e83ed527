import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

/**
 * Seed 001: daily is "automatically once a day in the evening". An entry validated at 21:00, after
 * the evening run, is not sent by the 02:00 night run (which only resends what was marked verified
 * after a rejection, seed 002): it waits for the next evening.
 */
export default defineScenario({
  id: 'hub/sync-daily-evening-only',
  title: 'Daily: an entry validated after the evening run waits for the next evening, not the night',
  vendor: 'sage-ge',
  covers: ['HUB-SYNC-DAILY'],
  given: { hub: { frequency: 'daily', weeklyAccountSync: true } },
  steps: [
    { do: 'link-file' },
    { do: 'advance-clock', to: 'next-evening' },
    { do: 'advance-clock', by: '1h' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'pending' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 0 },
  ],
  remedy: {
    steps: [
      { do: 'advance-clock', to: 'next-evening' },
      { do: 'check', expect: [{ expect: 'status', entry: 'P1', is: 'synchronizing' }] },
      ...openAndSync,
    ],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
