import { defineScenario } from '../load.js';
import { sendAndPost } from './common.js';

const tail = sendAndPost();

export default defineScenario({
  id: 'quadra/cpa-auth',
  title:
    'A wrong CPA API key or secret is refused (401) before anything is pulled; entering the right codes links the dossier and posts',
  vendor: 'quadra',
  covers: ['QDR-CPA-AUTH'],
  steps: [{ do: 'link-file', credentials: 'wrong' }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-CPA-AUTH' },
    { expect: 'reference-data', pulled: false },
    // Nothing else was asked: a wrong key names no firm (so the journal cannot tell this tenant's 401 from another's).
    { expect: 'requests', path: '/QuadraODOpenApi/GetDossiers', count: 0 },
  ],
  remedy: {
    // Generate the CPA key and secret again in Cegid Life, note them, and enter them with "Edit API connection".
    steps: [{ do: 'edit-credentials' }, { do: 'check', expect: [{ expect: 'step-error', none: true }] }, ...tail.steps],
    expect: [{ expect: 'reference-data', journal: 'AC' }, ...tail.expect],
  },
  verifiedAgainstVendor: false,
});
