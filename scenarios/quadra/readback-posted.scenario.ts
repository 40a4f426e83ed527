import { defineScenario } from '../load.js';
import { GET_ECRITURES, linkAndSend, openDossier, posted, PURCHASE, SALE } from './common.js';

export default defineScenario({
  id: 'quadra/readback-posted',
  title: "12 hours after sending, the hub reads the dossier's entries back and moves those it finds to Posted",
  vendor: 'quadra',
  covers: ['QDR-READBACK-POSTED'],
  steps: [
    ...linkAndSend(PURCHASE, SALE),
    openDossier,
    { do: 'advance-clock', by: '11h59m' },
    {
      do: 'check',
      expect: [
        { expect: 'status', entry: 'P1', is: 'synchronizing' },
        { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
        { expect: 'requests', path: GET_ECRITURES, count: 0 },
      ],
    },
    { do: 'advance-clock', by: '1m' },
  ],
  expect: [
    ...posted('P1', 'S1'),
    { expect: 'requests', path: GET_ECRITURES, count: 1 },
    { expect: 'vendor-entry-count', count: 2 },
  ],
  verifiedAgainstVendor: false,
});
