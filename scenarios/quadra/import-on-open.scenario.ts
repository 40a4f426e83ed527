import { defineScenario } from '../load.js';
import { GET_ECRITURES, linkAndSend, nextNight, openDossier, posted, PURCHASE, twelveHoursLater } from './common.js';

export default defineScenario({
  id: 'quadra/import-on-open',
  title:
    'Entries sent through CFE wait in the container until the dossier is opened in Quadra; they appear a few minutes later and the next check finds them',
  vendor: 'quadra',
  covers: ['QDR-IMPORT-ON-OPEN'],
  steps: [...linkAndSend(PURCHASE), twelveHoursLater],
  expect: [
    { expect: 'status', entry: 'P1', is: 'pending' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
    { expect: 'requests', path: GET_ECRITURES, count: 1 },
  ],
  remedy: {
    steps: [
      openDossier,
      // Imported, not visible yet: a few minutes later it is.
      {
        do: 'check',
        expect: [
          { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
          { expect: 'vendor-entry-count', count: 0, state: 'posted' },
        ],
      },
      { do: 'advance-clock', by: '5m' },
      { do: 'check', expect: [{ expect: 'vendor-entry', entry: 'P1', state: 'posted' }] },
      // The hub finds it at its next nightly check.
      nextNight,
    ],
    expect: posted('P1'),
  },
  verifiedAgainstVendor: false,
});
