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
 * Seed 003's nightly new attempts upload an entry again (simulators/quadra/README.md): after the
 * Failed check, the file of S1's last night still waits in the CFE input folder. The dossier is
 * opened before the accountant verifies: Quadra imports S1 again. "Mark as verified" then finds S1
 * in Quadra and sends no second copy; the read-back finds it posted.
 */
export default defineScenario({
  id: 'quadra/failed-check-reimported',
  title:
    'An entry in Failed check that the dossier imported again from a night upload is not sent a second time when marked verified',
  vendor: 'quadra',
  covers: ['QDR-FAILED-CHECK', 'QDR-RETRY-NIGHTS'],
  steps: [
    ...linkAndSend(SALE),
    ...sendOnly(PURCHASE),
    openDossier,
    { do: 'advance-clock', by: '10m' },
    { do: 'vendor-action', action: 'delete-entries', input: { journal: 'VT' } },
    twelveHoursLater,
    nextNight,
    nextNight,
    nextNight,
    { do: 'check', expect: [{ expect: 'status', entry: 'S1', is: 'failed-check', catalogueId: 'QDR-FAILED-CHECK' }] },
    openDossier,
    { do: 'advance-clock', by: '10m' },
  ],
  expect: [
    { expect: 'status', entry: 'S1', is: 'failed-check' },
    { expect: 'vendor-entry', entry: 'S1', state: 'posted' },
    { expect: 'vendor-entry-count', count: 2, state: 'posted' },
  ],
  remedy: {
    steps: [...remedy.steps],
    expect: [
      ...remedy.expect,
      { expect: 'vendor-entry-count', count: 2, state: 'posted' },
      { expect: 'requests', method: 'PUT', path: '/**/input/S1.A2.txt', count: 0 },
    ],
  },
  verifiedAgainstVendor: false,
});
