import { defineScenario } from '../load.js';
import { closeLastYear } from './common.js';

export default defineScenario({
  id: 'hub/weekly-account-sync',
  title: 'With automatic account sync on, the reference data is pulled again once a week',
  vendor: 'sage-ge',
  covers: ['HUB-WEEKLY-ACCOUNT-SYNC'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: true } },
  steps: [
    { do: 'link-file' },
    ...closeLastYear,
    { do: 'advance-clock', by: '6d' },
    { do: 'check', expect: [{ expect: 'reference-data', openFiscalYears: 2 }] },
    { do: 'advance-clock', by: '1d' },
  ],
  expect: [
    { expect: 'reference-data', openFiscalYears: 1 },
    { expect: 'requests', method: 'GET', path: '/accounts', count: 2 },
  ],
  verifiedAgainstVendor: false,
});
