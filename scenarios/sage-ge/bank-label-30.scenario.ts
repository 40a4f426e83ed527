import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

const LABEL = 'Prélèvement SEPA Bureau Vallée facture mars 2026';

export default defineScenario({
  id: 'sage-ge/bank-label-30',
  title: 'A bank label over 30 characters is cut by GE; the full label stays in the comment',
  vendor: 'sage-ge',
  covers: ['SGE-BANK-LABEL-30'],
  steps: [...linkAndSend({ id: 'B1', kind: 'bank', date: '2026-03-10', label: LABEL }), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'B1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'B1', label: LABEL.slice(0, 30), commentContains: LABEL },
  ],
  verifiedAgainstVendor: false,
});
