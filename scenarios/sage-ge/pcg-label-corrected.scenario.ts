import { renderMessage } from '../../contracts/catalogue/index.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

const autoLabel = renderMessage('SGE-PCG-AUTOCREATE', { account: '610123456' }, 0, 'fr');

export default defineScenario({
  id: 'sage-ge/pcg-label-corrected',
  title:
    'An account GE created as "Compte <number>" is renamed by hand in GE; the hub shows the corrected label after "Refresh accounting data"',
  vendor: 'sage-ge',
  covers: ['SGE-PCG-AUTOCREATE', 'HUB-REFRESH-REFDATA'],
  given: { hub: { frequency: 'realtime', weeklyAccountSync: false } },
  steps: [
    ...linkAndSend({
      id: 'P1',
      kind: 'purchase',
      date: '2026-03-10',
      lines: [
        { generalAccount: '610123456', debit: 10_000, credit: 0 },
        { generalAccount: '445660', debit: 2_000, credit: 0 },
        { generalAccount: '401000', subsidiaryAccount: 'FBUREAU', debit: 0, credit: 12_000 },
      ],
    }),
    ...openAndSync,
    { do: 'refresh-reference-data' },
  ],
  // The hub pulls what GE holds: the connector's placeholder label, to be corrected in GE.
  expect: [
    { expect: 'status', entry: 'P1', is: 'posted' },
    { expect: 'reference-data', account: { number: '610123456', label: autoLabel } },
  ],
  remedy: {
    // Seed 000: "You will then need to manually correct the label in Sage GE".
    steps: [
      {
        do: 'vendor-action',
        action: 'upsert-account',
        input: { account: '610123456', label: 'Fournitures de bureau' },
      },
      { do: 'check', expect: [{ expect: 'reference-data', account: { number: '610123456', label: autoLabel } }] },
      { do: 'refresh-reference-data' },
    ],
    expect: [
      { expect: 'reference-data', account: { number: '610123456', label: 'Fournitures de bureau' } },
      { expect: 'vendor-state', path: ['files', 'F1', 'accounts', '610123456', 'autoCreated'], equals: false },
    ],
  },
  verifiedAgainstVendor: false,
});
