import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

export default defineScenario({
  id: 'sage-ge/bank-one-attachment',
  title: 'A bank entry keeps a single attachment in GE',
  vendor: 'sage-ge',
  covers: ['SGE-BANK-ONE-ATTACHMENT'],
  steps: [...linkAndSend({ id: 'B1', kind: 'bank', date: '2026-03-10', attachments: 3 }), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'B1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'B1', attachments: 1 },
  ],
  verifiedAgainstVendor: false,
});
