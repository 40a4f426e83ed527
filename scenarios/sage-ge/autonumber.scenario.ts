import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

export default defineScenario({
  id: 'sage-ge/autonumber',
  title: "An empty document number is numbered by the journal's automatic numbering",
  vendor: 'sage-ge',
  covers: ['SGE-AUTONUMBER'],
  steps: [
    ...linkAndSend(
      { id: 'P1', kind: 'purchase', date: '2026-03-10', documentNumber: null },
      { id: 'P2', kind: 'purchase', date: '2026-03-11', documentNumber: null },
    ),
    ...openAndSync,
  ],
  expect: [
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', documentNumber: 'AC000001' },
    { expect: 'vendor-entry', entry: 'P2', state: 'posted', documentNumber: 'AC000002' },
    { expect: 'status', entry: 'P2', is: 'posted' },
  ],
  verifiedAgainstVendor: false,
});
