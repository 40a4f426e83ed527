import { defineScenario } from '../load.js';
import {
  linkAndSend,
  nextNight,
  openDossier,
  PURCHASE,
  resendAndPost,
  SALE,
  sendOnly,
  twelveHoursLater,
} from './common.js';

const remedy = resendAndPost('S1');

/**
 * S1 (journal VT) and, in a later batch, P1 are imported when the dossier is opened; then someone
 * deletes S1 in Quadra. The hub's read-back 12 hours after sending finds P1 but not S1, and does
 * not find S1 on the next 3 nights either: since P1 was posted, S1 moves to "Failed check".
 */
export default defineScenario({
  id: 'quadra/failed-check',
  title:
    'After 3 unsuccessful nightly checks, while a later batch was posted, the entry moves to Failed check with its message',
  vendor: 'quadra',
  covers: ['QDR-FAILED-CHECK'],
  steps: [
    ...linkAndSend(SALE),
    ...sendOnly(PURCHASE),
    openDossier,
    { do: 'advance-clock', by: '10m' }, // the imports are visible
    { do: 'vendor-action', action: 'delete-entries', input: { journal: 'VT' } },
    twelveHoursLater,
    {
      do: 'check',
      expect: [
        { expect: 'status', entry: 'P1', is: 'posted' },
        { expect: 'status', entry: 'S1', is: 'pending' },
      ],
    },
    nextNight,
    nextNight,
    { do: 'check', expect: [{ expect: 'status', entry: 'S1', is: 'pending' }] },
    nextNight,
  ],
  expect: [
    { expect: 'status', entry: 'S1', is: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' },
    // Quadra holds P1 only; S1's file, uploaded again on the nights, waits for the dossier to be opened.
    { expect: 'vendor-entry-count', count: 1, state: 'posted' },
    { expect: 'requests', method: 'PUT', path: '/**/input/S1.A1.txt', count: 3 },
    { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
  ],
  remedy: {
    // Verify the entry in Cegid Quadra: it is not there; marked as verified, it is sent again.
    steps: [...remedy.steps],
    expect: [...remedy.expect, { expect: 'vendor-entry-count', count: 2, state: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
