import { LOOP_API_KEY, LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { letLoopImport, PURCHASE, posted } from './common.js';

const keyFolders = { key: LOOP_API_KEY, folders: [LOOP_FOLDER] };

export default defineScenario({
  id: 'loop/folder-not-associated',
  title:
    'A folder not checked on the API key in Loop Hub cannot be read (403); checking it there lets the hub pull and post',
  vendor: 'loop',
  covers: ['LOOP-FOLDER-NOT-ASSOCIATED'],
  given: { vendor: { actions: [{ action: 'dissociate-folders', input: keyFolders }] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'LOOP-FOLDER-NOT-ASSOCIATED' },
    { expect: 'reference-data', pulled: false },
    { expect: 'vendor-file', listed: false },
  ],
  remedy: {
    // Loop Hub: edit the key (pencil icon) > Next > check the folder > Next > Validate.
    steps: [
      { do: 'vendor-action', action: 'associate-folders', input: keyFolders },
      { do: 'refresh-reference-data' },
      { do: 'add-entry', entry: PURCHASE },
      { do: 'mark-verified' },
      letLoopImport,
    ],
    expect: [
      { expect: 'vendor-file', listed: true, connected: true },
      { expect: 'reference-data', journal: 'AC' },
      ...posted('P1'),
    ],
  },
  verifiedAgainstVendor: false,
});
