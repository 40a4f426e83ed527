import { LOOP_COLLABORATOR, LOOP_FOLDER, LOOP_FOLDER_NAME } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, linkAndSend, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'loop/regate-by-qonto',
  title:
    'The connector still listed as "Regate by Qonto" in Loop: selecting it as it appears activates the Qonto connector on the folder',
  vendor: 'loop',
  covers: ['LOOP-COLLABORATOR-NO-ACCESS'],
  given: {
    vendor: {
      actions: [
        { action: 'set-connector-label', input: { label: 'Regate by Qonto' } },
        { action: 'set-connector', input: { folder: LOOP_FOLDER, active: false } },
      ],
    },
  },
  steps: [...linkAndSend(PURCHASE), letLoopImport],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'LOOP-COLLABORATOR-NO-ACCESS',
      params: { collaborator: LOOP_COLLABORATOR, folder: LOOP_FOLDER_NAME },
    },
  ],
  remedy: {
    // Seed 004: "select it as it appears: it is indeed the Qonto connector".
    steps: [folderAction('set-connector', { active: true, connector: 'Regate by Qonto' }), ...resendAndPost().steps],
    expect: [
      ...resendAndPost('P1').expect,
      { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'connectorActive'], equals: true },
    ],
  },
  verifiedAgainstVendor: false,
});
