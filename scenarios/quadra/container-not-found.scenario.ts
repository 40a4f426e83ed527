import { defineScenario } from '../load.js';
import { linkAndSend, PURCHASE, resendAndPost } from './common.js';

/**
 * Quadra's settings (Tools > API Keys > Cegid File Exchange) hold an older CFE key than the one
 * in Cegid Life, which the hub uses: CFE cannot find the dossier's container from the SIC code's
 * settings. The remedy run here is the check that matters: the key in Quadra's settings is made
 * to match the one in Cegid Life. Regenerating the key first (the remedy's other step) needs the
 * new key entered in the hub, which the runner cannot do yet; the connector's test does it.
 */
export default defineScenario({
  id: 'quadra/container-not-found',
  title: 'ContainerNotFoundInSicSettings on the first synchronization, until the CFE key in Quadra\'s settings matches the one in Cegid Life',
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
    steps: [{ do: 'vendor-action', action: 'update-quadra-settings' }, ...resendAndPost('P1').steps],
    expect: [{ expect: 'vendor-state', path: ['dossiers', 'D1', 'cfeKeyInSettings'], equals: 'CFE-scn-quadra-container-not-found-KEY' }, ...resendAndPost('P1').expect],
  },
  verifiedAgainstVendor: false,
});
