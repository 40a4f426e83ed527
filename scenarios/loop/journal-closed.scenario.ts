import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, linkAndSend, PURCHASE, resendAndPost } from './common.js';

const journal = (ferme: boolean) => folderAction('set-journal', { folder: LOOP_FOLDER, journal: 'AC', ferme });

/**
 * Seed 004's prerequisite "open journals": the purchase journal closed in Loop rejects the entry
 * with LOOP-INCOMPLETE-FOLDER's closed-journal message (catalogued, not a message of our own).
 */
export default defineScenario({
  id: 'loop/journal-closed',
  title:
    'A closed purchase journal in Loop: the entry fails with the catalogued closed-journal message; reopened and marked verified, it posts',
  vendor: 'loop',
  covers: ['LOOP-INCOMPLETE-FOLDER'],
  given: {
    vendor: { actions: [{ action: 'set-journal', input: { folder: LOOP_FOLDER, journal: 'AC', ferme: true } }] },
  },
  steps: [...linkAndSend(PURCHASE), letLoopImport],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'LOOP-INCOMPLETE-FOLDER',
      variant: 1,
      params: { journal: 'AC', folder: LOOP_FOLDER },
    },
    { expect: 'vendor-entry-count', state: 'posted', count: 0 },
  ],
  remedy: {
    steps: [journal(false), ...resendAndPost('P1').steps],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
