import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/tracking-code',
  title: "Every entry carries the hub's #AAAAA# tracking code in its GE comment, which is how its creation is verified",
  vendor: 'sage-ge',
  covers: ['SGE-TRACKING-CODE'],
  steps: [...linkAndSend(PURCHASE, { id: 'S1', kind: 'sales', date: '2026-03-10' }), ...openAndSync],
  expect: [
    // GE reads the code back from the comment: it is the hub's own code for each entry.
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', trackingCode: true },
    { expect: 'vendor-entry', entry: 'S1', state: 'posted', trackingCode: true },
    { expect: 'requests', method: 'GET', path: '/entries', atLeast: 1 },
  ],
  verifiedAgainstVendor: false,
});
