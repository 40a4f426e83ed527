import { defineScenario } from '../load.js';
import { GET_ECRITURES, linkAndSend, nextNight, openDossier, posted, PURCHASE, twelveHoursLater } from './common.js';

const stillSynchronizing = (checks: number) => ({
  do: 'check' as const,
  expect: [{ expect: 'status' as const, entry: 'P1', is: 'synchronizing' as const }, { expect: 'requests' as const, path: GET_ECRITURES, count: checks }],
});

export default defineScenario({
  id: 'quadra/retry-nights',
  title: 'An entry not found 12 hours after sending stays pending and is looked for again on each of 3 consecutive nights',
  vendor: 'quadra',
  covers: ['QDR-RETRY-NIGHTS'],
  steps: [
    ...linkAndSend(PURCHASE),
    twelveHoursLater,
    stillSynchronizing(1),
    nextNight,
    stillSynchronizing(2),
    nextNight,
    stillSynchronizing(3),
    nextNight,
    stillSynchronizing(4),
    // Nothing later was posted: no "Failed check"; the dossier opened at last, the next night finds it.
    openDossier,
    nextNight,
  ],
  expect: [...posted('P1'), { expect: 'requests', path: GET_ECRITURES, count: 5 }],
  verifiedAgainstVendor: false,
});
