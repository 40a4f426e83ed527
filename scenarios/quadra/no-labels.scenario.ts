import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack, posted, PURCHASE } from './common.js';

export default defineScenario({
  id: 'quadra/no-labels',
  title:
    'An account the hub uses and Quadra does not know is created by the import, without its label; completing the label in Quadra keeps it',
  vendor: 'quadra',
  covers: ['QDR-NO-LABELS'],
  steps: [...linkAndSend(PURCHASE), ...openAndReadBack],
  expect: [
    ...posted('P1'),
    // The supplier's auxiliary account arrived with the entry, its name did not.
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'accounts', 'FBUREAU', 'label'], equals: '' },
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'accounts', 'FBUREAU', 'autoCreated'], equals: true },
  ],
  remedy: {
    // Complete the label in Quadra; the next entries on that account keep it.
    steps: [
      {
        do: 'vendor-action',
        action: 'upsert-account',
        input: { number: 'FBUREAU', label: 'Bureau Vallée', type: 'F', collective: '40100000' },
      },
      { do: 'add-entry', entry: { id: 'P2', kind: 'purchase', date: '2026-03-11' } },
      { do: 'mark-verified', entries: ['P2'] },
      ...openAndReadBack,
    ],
    expect: [
      ...posted('P2'),
      { expect: 'vendor-state', path: ['dossiers', 'D1', 'accounts', 'FBUREAU', 'label'], equals: 'Bureau Vallée' },
    ],
  },
  verifiedAgainstVendor: false,
});
