import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, letLoopImport, PURCHASE, resendAndPost } from './common.js';

/**
 * The Qonto file was linked to folder F1; the folder is then archived in Loop, so the next import
 * names a code that is no folder of the domain: Loop's own answer, "Le dossier F1 n'existe pas sur
 * le domaine." (its API documentation). Restored in Loop and marked verified, the invoice posts.
 */
export default defineScenario({
  id: 'loop/folder-unknown',
  title:
    'A folder archived in Loop after the link: the import is refused, the folder does not exist on the domain; restored, the invoice posts',
  vendor: 'loop',
  covers: ['LOOP-FOLDER-UNKNOWN'],
  steps: [
    { do: 'link-file' },
    folderAction('set-folder-archived', { archived: true }),
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    letLoopImport,
  ],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'LOOP-FOLDER-UNKNOWN',
      params: { folder: LOOP_FOLDER },
    },
    { expect: 'vendor-entry-count', count: 0 },
  ],
  remedy: {
    steps: [folderAction('set-folder-archived', { archived: false }), ...resendAndPost('P1').steps],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
