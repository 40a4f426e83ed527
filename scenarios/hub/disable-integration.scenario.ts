import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/disable-integration',
  title: '"Disable integration" stops every synchronization until it is enabled again',
  vendor: 'sage-ge',
  covers: ['HUB-DISABLE-INTEGRATION'],
  steps: [
    { do: 'link-file' },
    { do: 'set-integration', enabled: false },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'pending' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 0 },
  ],
  remedy: {
    steps: [{ do: 'set-integration', enabled: true }, { do: 'synchronize' }, ...openAndSync],
    expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
