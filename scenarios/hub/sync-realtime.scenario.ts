import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/sync-realtime',
  title: 'Real-time: an entry is sent as soon as it is validated',
  vendor: 'sage-ge',
  covers: ['HUB-SYNC-REALTIME'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
  steps: [{ do: 'link-file' }, { do: 'add-entry', entry: PURCHASE }, { do: 'mark-verified' }],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 1 },
  ],
  remedy: { steps: openAndSync, expect: [{ expect: 'status', entry: 'P1', is: 'posted' }] },
  verifiedAgainstVendor: false,
});
