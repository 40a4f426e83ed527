import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/sync-daily',
  title: 'Daily: validated entries wait for the evening run',
  vendor: 'sage-ge',
  covers: ['HUB-SYNC-DAILY'],
  given: { hub: { frequency: 'daily', weeklyAccountSync: true } },
  steps: [
    { do: 'link-file' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'advance-clock', by: '2h' },
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
