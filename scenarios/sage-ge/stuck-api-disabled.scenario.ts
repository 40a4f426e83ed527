import { defineScenario } from '../load.js';
import { linkAndSend, PURCHASE } from './common.js';

/**
 * Seed 002, entries stuck synchronizing: "First, verify that the API is enabled on the Accounting
 * page of the Qontable Space." The entry went to the Sage cloud, then the integration was disabled
 * in the hub. GE injects it when the accounting is opened, but the hub reads nothing back while
 * the API is disabled: the entry stays "synchronizing" whatever is done in GE. Enabled again, the
 * next synchronization reads it back posted.
 */
export default defineScenario({
  id: 'sage-ge/stuck-api-disabled',
  title:
    'Stuck synchronizing while the API is disabled in the hub, though GE injected the entry; enabled, it reads back posted',
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-ACCOUNTING-NOT-OPENED', 'HUB-DISABLE-INTEGRATION'],
  steps: [
    ...linkAndSend(PURCHASE),
    { do: 'set-integration', enabled: false },
    { do: 'open-file' },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    // Solution 1 was done: GE holds the entry; only the hub does not know it.
    { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
  ],
  remedy: {
    steps: [{ do: 'set-integration', enabled: true }, { do: 'synchronize' }],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry-count', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
