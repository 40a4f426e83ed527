import { renderMessage } from '../../contracts/catalogue/index.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

export default defineScenario({
  id: 'sage-ge/pcg-autocreate',
  title:
    'An account unknown to GE is created with the label "Compte <number>" ("Account <number>" in the English article)',
  vendor: 'sage-ge',
  covers: ['SGE-PCG-AUTOCREATE'],
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
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'posted' },
    {
      expect: 'vendor-state',
      path: ['files', 'F1', 'accounts', '610123456', 'label'],
      equals: renderMessage('SGE-PCG-AUTOCREATE', { account: '610123456' }, 0, 'fr'),
    },
    { expect: 'vendor-state', path: ['files', 'F1', 'accounts', '610123456', 'autoCreated'], equals: true },
  ],
  verifiedAgainstVendor: false,
});
