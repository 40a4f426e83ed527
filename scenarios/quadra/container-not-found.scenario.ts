import { defineScenario } from '../load.js';
import { linkAndSend, PURCHASE, resendAndPost } from './common.js';

/**
 * Quadra's settings (Tools > API Keys > Cegid File Exchange) hold an older CFE key than the one
 * in Cegid Life, which the hub uses: CFE cannot find the dossier's container from the SIC code's
 * settings. The documented remedy, in full: regenerate the CFE key in Cegid Life, enter it in
 * Quadra's settings, and in the hub ("Edit API connection"), then resend.
 */
export default defineScenario({
  id: 'quadra/container-not-found',
  title:
    "ContainerNotFoundInSicSettings on the first synchronization, until the CFE key in Quadra's settings matches the one in Cegid Life",
  vendor: 'quadra',
  covers: ['QDR-CONTAINER-NOT-FOUND'],
  given: { vendor: { actions: [{ action: 'update-quadra-settings', input: { cfeKey: 'CFE-OLD-KEY-2025' } }] } },
  steps: linkAndSend(PURCHASE),
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'QDR-CONTAINER-NOT-FOUND' },
    { expect: 'requests', path: '/CFE/V1/getsastoken', status: 404, atLeast: 1 },
    { expect: 'vendor-entry-count', count: 0 },
  ],
  remedy: {
    // Only upon Qonto support's invitation: enter in Quadra the CFE key shown in Cegid Life.
    steps: [
      { do: 'vendor-action', action: 'regenerate-cfe-key', input: { dossier: null } },
      { do: 'vendor-action', action: 'update-quadra-settings' },
      { do: 'edit-credentials' },
      { do: 'check', expect: [{ expect: 'step-error', none: true }] },
      ...resendAndPost('P1').steps,
    ],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
