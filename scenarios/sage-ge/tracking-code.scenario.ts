import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/tracking-code',
  title: 'Every entry carries the hub\'s #AAAAA# tracking code in its GE comment, which is how its creation is verified',
  vendor: 'sage-ge',
  covers: ['SGE-TRACKING-CODE'],
  steps: [...linkAndSend(PURCHASE, { id: 'S1', kind: 'sales', date: '2026-03-10' }), ...openAndSync],
  expect: [
    // The vendor entry is found by the tracking code read from its comment.
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', commentContains: '#' },
    { expect: 'vendor-entry', entry: 'S1', state: 'posted', commentContains: '#' },
    { expect: 'requests', method: 'GET', path: '/entries', atLeast: 1 },
  ],
  verifiedAgainstVendor: false,
});
