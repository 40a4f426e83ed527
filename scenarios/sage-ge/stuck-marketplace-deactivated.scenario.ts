import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/stuck-marketplace-deactivated',
  title: 'Error 8: with the Qonto Marketplace deactivated on the folder, opening the accounting injects nothing',
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-MARKETPLACE-DEACTIVATED'],
  steps: [
    ...linkAndSend(PURCHASE),
    { do: 'vendor-action', action: 'set-marketplace', input: { active: false } },
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
  ],
  remedy: {
    steps: [{ do: 'vendor-action', action: 'set-marketplace', input: { active: true } }, ...openAndSync],
    expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
