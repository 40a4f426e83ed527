import { defineScenario } from '../load.js';

export default defineScenario({
  id: 'sage-ge/refdata-pull',
  title: "Linking a file pulls the current year's chart of accounts, the subsidiary codes and the journals",
  vendor: 'sage-ge',
  covers: ['SGE-REFDATA-PULL'],
  steps: [{ do: 'link-file' }],
  expect: [
    {
      expect: 'reference-data',
      account: { number: '401000', label: 'Fournisseurs', collective: true },
      journal: 'AC',
      openFiscalYears: 2,
    },
    { expect: 'requests', method: 'GET', path: '/accounts', count: 1 },
    { expect: 'requests', method: 'GET', path: '/subsidiary-accounts', count: 1 },
    { expect: 'requests', method: 'GET', path: '/journals', count: 1 },
  ],
  verifiedAgainstVendor: false,
});
