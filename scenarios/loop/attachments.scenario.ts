import { defineScenario } from '../load.js';
import { letLoopImport, linkAndSend } from './common.js';

export default defineScenario({
  id: 'loop/attachments',
  title: "An entry's supporting documents are imported into Loop with it, each one kept with the entry",
  vendor: 'loop',
  covers: ['HUB-SYNC-REALTIME'],
  steps: [...linkAndSend({ id: 'P1', kind: 'purchase', date: '2026-03-10', attachments: 2 }), letLoopImport],
  expect: [
    { expect: 'status', entry: 'P1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', attachments: 2 },
    { expect: 'vendor-state', path: ['folders', 'F1', 'piecesJointes', '1', '1', 'nomFichier'], equals: 'piece-2.pdf' },
  ],
  verifiedAgainstVendor: false,
});
