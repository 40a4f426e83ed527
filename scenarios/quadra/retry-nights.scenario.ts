import { defineScenario } from '../load.js';
import { GET_ECRITURES, linkAndSend, nextNight, openDossier, posted, PURCHASE, twelveHoursLater } from './common.js';

/** Seed 003: entries not found "remain pending sending and a new attempt is made for 3 consecutive nights". */
const stillPending = (checks: number, uploads: number) => ({
  do: 'check' as const,
  expect: [
    { expect: 'status' as const, entry: 'P1', is: 'pending' as const },
    { expect: 'requests' as const, path: GET_ECRITURES, count: checks },
    // The entry's ASCII file (its PDF is shipped beside it each time too).
    { expect: 'requests' as const, method: 'PUT', path: '/**/input/*.txt', count: uploads },
  ],
});

export default defineScenario({
  id: 'quadra/retry-nights',
  title:
    'An entry not found 12 hours after sending stays pending sending and is sent again once on each of 3 consecutive nights',
  vendor: 'quadra',
  covers: ['QDR-RETRY-NIGHTS'],
  steps: [
    ...linkAndSend(PURCHASE),
    twelveHoursLater,
    stillPending(1, 1),
    nextNight,
    stillPending(2, 2),
    nextNight,
    stillPending(3, 3),
    nextNight,
    stillPending(4, 4),
    // The 3 nights are spent: the 4th night only looks for it, it is not sent again.
    nextNight,
    stillPending(5, 4),
    // Nothing later was posted: no "Failed check"; the dossier opened at last, the next night finds it.
    openDossier,
    nextNight,
  ],
  // The same attempt was uploaded 4 times under one name: Quadra imports it once.
  expect: [
    ...posted('P1'),
    { expect: 'requests', path: GET_ECRITURES, count: 6 },
    { expect: 'vendor-entry-count', count: 1 },
  ],
  verifiedAgainstVendor: false,
});
