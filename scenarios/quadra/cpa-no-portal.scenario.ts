import { defineScenario } from '../load.js';
import { firmAction, firmGiven, sendAndPost } from './common.js';

const tail = sendAndPost();

export default defineScenario({
  id: 'quadra/cpa-no-portal',
  title:
    'Without access to the Cegid Collaborative Portal the CPA API refuses the token (403); once access is granted the dossier links and posts',
  vendor: 'quadra',
  covers: ['QDR-CPA-NO-PORTAL'],
  given: { vendor: { actions: [firmGiven('set-portal-access', { granted: false })] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-CPA-NO-PORTAL' },
    { expect: 'reference-data', pulled: false },
    { expect: 'requests', path: '/QuadraODOpenApi/token', status: 403, count: 1 },
  ],
  remedy: {
    // The Cegid sales representative opens the portal access; the wizard is run again with the firm's codes.
    steps: [firmAction('set-portal-access', { granted: true }), { do: 'edit-credentials' }, ...tail.steps],
    expect: [{ expect: 'reference-data', pulled: true }, ...tail.expect],
  },
  verifiedAgainstVendor: false,
});
