import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/bulk-activation',
  title: 'Multi-file Marketplace: activating all files at once connects the file',
  vendor: 'sage-ge',
  covers: ['SGE-BULK-ACTIVATION'],
  given: { vendor: { actions: [{ action: 'set-marketplace', input: { active: false } }] } },
  steps: [
    { do: 'vendor-action', action: 'bulk-activate', input: { fileId: null } },
    ...linkAndSend(PURCHASE),
    ...openAndSync,
  ],
  expect: [
    { expect: 'vendor-file', connected: true },
    { expect: 'status', entry: 'P1', is: 'posted' },
  ],
  verifiedAgainstVendor: false,
});
