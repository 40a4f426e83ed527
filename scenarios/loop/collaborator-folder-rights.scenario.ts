import { LOOP_COLLABORATOR, LOOP_FOLDER, LOOP_FOLDER_NAME } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { letLoopImport, linkAndSend, PURCHASE, resendAndPost, SALE } from './common.js';

export default defineScenario({
  id: 'loop/collaborator-folder-rights',
  title:
    "The key's collaborator is not assigned the folder in Loop: every entry is refused with the collaborator message until the folder is assigned to them",
  vendor: 'loop',
  covers: ['LOOP-COLLABORATOR-NO-ACCESS'],
  // The connector is active on the folder: only the collaborator's rights are missing.
  given: {
    vendor: {
      actions: [
        {
          action: 'set-collaborator-access',
          input: { collaborator: LOOP_COLLABORATOR, folder: LOOP_FOLDER, access: false },
        },
      ],
    },
  },
  steps: [...linkAndSend(PURCHASE, SALE), letLoopImport],
  expect: [
    ...['P1', 'S1'].map((entry) => ({
      expect: 'status' as const,
      entry,
      is: 'sync-failed' as const,
      catalogueId: 'LOOP-COLLABORATOR-NO-ACCESS' as const,
      params: { collaborator: LOOP_COLLABORATOR, folder: LOOP_FOLDER_NAME },
    })),
    { expect: 'vendor-state', path: ['folders', LOOP_FOLDER, 'connectorActive'], equals: true },
    { expect: 'vendor-entry-count', count: 0, state: 'posted' },
  ],
  remedy: {
    // Loop: "Assigning access to client folders" for the key's collaborator.
    steps: [
      {
        do: 'vendor-action',
        action: 'set-collaborator-access',
        input: { collaborator: LOOP_COLLABORATOR, folder: LOOP_FOLDER, access: true },
      },
      ...resendAndPost().steps,
    ],
    expect: [...resendAndPost('P1', 'S1').expect, { expect: 'vendor-entry-count', count: 2, state: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
