import { defineScenario } from '../load.js';
import { createInGe, inHub, notInHubYet } from './common.js';

export default defineScenario({
  id: 'hub/new-accounts-refresh',
  title: 'Accounts created in Sage GE after linking reach the hub at once with "Refresh accounting data"',
  vendor: 'sage-ge',
  covers: ['HUB-REFRESH-REFDATA'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
  steps: [{ do: 'link-file' }, ...createInGe, { do: 'advance-clock', by: '1d' }],
  expect: [notInHubYet],
  remedy: { steps: [{ do: 'refresh-reference-data' }], expect: [inHub] },
  verifiedAgainstVendor: false,
});
