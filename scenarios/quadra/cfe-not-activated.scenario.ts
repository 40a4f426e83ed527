import { defineScenario } from '../load.js';
import { firmAction, firmGiven, linkAndSend, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'quadra/cfe-not-activated',
  title:
    'A CFE key whose activation was not validated gets no container (403): the entries fail until the last step of the CFE procedure is done',
  vendor: 'quadra',
  covers: ['QDR-CFE-NOT-ACTIVATED'],
  given: { vendor: { actions: [firmGiven('validate-cfe-activation', { activated: false })] } },
  steps: linkAndSend(PURCHASE),
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'QDR-CFE-NOT-ACTIVATED' },
    { expect: 'requests', path: '/CFE/V1/getsastoken', status: 403, atLeast: 1 },
    { expect: 'vendor-entry-count', count: 0 },
  ],
  remedy: {
    // The Quadra guide's last step: validate the activation of the CFE key.
    steps: [firmAction('validate-cfe-activation', { activated: true }), ...resendAndPost('P1').steps],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
