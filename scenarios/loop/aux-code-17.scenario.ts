import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { DATE, letLoopImport, linkAndSend, noFieldRefusal, posted } from './common.js';

const AUX = 'FOURNISSEUR-BUREAU-VALLEE';

export default defineScenario({
  id: 'loop/aux-code-17',
  title: 'An auxiliary code over 17 characters is cut to 17 by the hub before sending, and the entry posts',
  vendor: 'loop',
  covers: ['LOOP-AUX-CODE-17'],
  given: { hub: { thirdParties: [{ id: AUX, kind: 'supplier', name: 'Bureau Vallée', subsidiaryAccount: AUX }] } },
  steps: [
    ...linkAndSend({
      id: 'P1',
      kind: 'purchase',
      date: DATE,
      lines: [
        { generalAccount: '606400', debit: 10_000, credit: 0 },
        { generalAccount: '445660', debit: 2_000, credit: 0 },
        { generalAccount: '401000', subsidiaryAccount: AUX, debit: 0, credit: 12_000 },
      ],
    }),
    letLoopImport,
  ],
  expect: [
    ...posted('P1'),
    // Loop created the third party under the 17-character code, as a supplier (collective 401).
    { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'tiers', AUX.slice(0, 17), 'type'], equals: 1 },
    { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'tiers', AUX], exists: false },
    noFieldRefusal,
  ],
  verifiedAgainstVendor: false,
});
