import { defineScenario } from '../load.js';
import { letLoopImport, PURCHASE, posted } from './common.js';

export default defineScenario({
  id: 'loop/auth',
  title:
    'A wrong API secret is refused (401) before anything is pulled; entering the right keys links the folder and posts',
  vendor: 'loop',
  covers: ['LOOP-AUTH'],
  steps: [{ do: 'link-file', credentials: 'wrong' }],
  expect: [
    { expect: 'step-error', catalogueId: 'LOOP-AUTH' },
    { expect: 'reference-data', pulled: false },
    { expect: 'requests', status: 401, atLeast: 1 },
  ],
  remedy: {
    // Edit API connection with the API Key, API Secret and Domain from Loop Hub.
    steps: [{ do: 'edit-credentials' }, { do: 'add-entry', entry: PURCHASE }, { do: 'mark-verified' }, letLoopImport],
    expect: [{ expect: 'reference-data', journal: 'AC' }, ...posted('P1')],
  },
  verifiedAgainstVendor: false,
});
