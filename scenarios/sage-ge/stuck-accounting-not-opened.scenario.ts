import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/stuck-accounting-not-opened',
  title: 'Error 8: entries stay "synchronizing" in the Sage cloud until the file\'s accounting is opened',
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-ACCOUNTING-NOT-OPENED'],
  steps: [...linkAndSend(PURCHASE), { do: 'advance-clock', by: '2d' }, { do: 'synchronize' }],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
  ],
  remedy: {
    steps: openAndSync,
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
