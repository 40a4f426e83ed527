import { defineScenario } from '../load.js';

export default defineScenario({
  id: 'hub/refdata-on-link',
  title: 'Linking a file retrieves its chart of accounts, subsidiary accounts and journal codes',
  vendor: 'sage-ge',
  covers: ['HUB-REFDATA-ON-LINK'],
  steps: [{ do: 'check', expect: [{ expect: 'reference-data', pulled: false }] }, { do: 'link-file' }],
  expect: [
    {
      expect: 'reference-data',
      account: { number: '411000', collective: true },
      journal: 'VE',
      subsidiaryAccount: 'FBUREAU',
    },
    { expect: 'requests', method: 'GET', path: '/accounts', count: 1 },
  ],
  verifiedAgainstVendor: false,
});
