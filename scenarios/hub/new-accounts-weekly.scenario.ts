import { defineScenario } from '../load.js';
import { createInGe, inHub, notInHubYet } from './common.js';

export default defineScenario({
  id: 'hub/new-accounts-weekly',
  title: 'Accounts created in Sage GE after linking reach the hub with the weekly sync, on the 7th day',
  vendor: 'sage-ge',
  covers: ['HUB-WEEKLY-ACCOUNT-SYNC'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
  steps: [
    { do: 'link-file' },
    ...createInGe,
    { do: 'advance-clock', by: '6d' },
    { do: 'check', expect: [notInHubYet] },
    { do: 'advance-clock', by: '1d' },
  ],
  expect: [inHub],
  verifiedAgainstVendor: false,
});
