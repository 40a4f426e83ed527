import { LOOP_COLLABORATOR, LOOP_FOLDER, LOOP_FOLDER_NAME } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, linkAndSend, PURCHASE, resendAndPost, SALE } from './common.js';

const params = { collaborator: LOOP_COLLABORATOR, folder: LOOP_FOLDER_NAME };

export default defineScenario({
  id: 'loop/collaborator-no-access',
  title:
    'Every entry is rejected while the Qonto connector is not activated on the folder; activating it and marking verified posts them',
  vendor: 'loop',
  covers: ['LOOP-COLLABORATOR-NO-ACCESS'],
  given: { vendor: { actions: [{ action: 'set-connector', input: { folder: LOOP_FOLDER, active: false } }] } },
  steps: [...linkAndSend(PURCHASE, SALE), letLoopImport],
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'LOOP-COLLABORATOR-NO-ACCESS', params },
    { expect: 'status', entry: 'S1', is: 'sync-failed', catalogueId: 'LOOP-COLLABORATOR-NO-ACCESS', params },
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected' },
    { expect: 'vendor-entry-count', count: 0, state: 'posted' },
  ],
  remedy: {
    // Loop folder portfolio > "Action" column > activate the Qonto connector ("Regate by Qonto").
    steps: [folderAction('set-connector', { active: true }), ...resendAndPost().steps],
    expect: [...resendAndPost('P1', 'S1').expect, { expect: 'vendor-entry-count', count: 2, state: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
