import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/sync-manual',
  title: 'Manual: nothing is sent until the Synchronize button, not even at night',
  vendor: 'sage-ge',
  covers: ['HUB-SYNC-MANUAL'],
  given: { hub: { frequency: 'manual', weeklyAccountSync: true } },
  steps: [
    { do: 'link-file' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'advance-clock', by: '2d' },
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'pending' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 0 },
  ],
  remedy: {
    steps: [{ do: 'synchronize' }, ...openAndSync],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
