import { defineScenario } from '../load.js';
import { closeLastYear } from './common.js';

export default defineScenario({
  id: 'hub/refresh-refdata',
  title: '"Refresh accounting data" retrieves what changed in the accounting software at once',
  vendor: 'sage-ge',
  covers: ['HUB-REFRESH-REFDATA'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
  steps: [{ do: 'link-file' }, ...closeLastYear],
  expect: [{ expect: 'reference-data', openFiscalYears: 2 }],
  remedy: {
    steps: [{ do: 'refresh-reference-data' }],
    expect: [
      { expect: 'reference-data', openFiscalYears: 1 },
      { expect: 'requests', method: 'GET', path: '/accounts', count: 2 },
    ],
  },
  verifiedAgainstVendor: false,
});
