import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

const marketplace = (active: boolean) => ({
  do: 'vendor-action' as const,
  action: 'set-marketplace',
  input: { active },
});

/**
 * Seed 002, error 8: entries sent while the Marketplace connector is deactivated on the file are
 * in the Sage cloud, "synchronizing", until it is reactivated and the accounting opened. The push
 * itself is not refused (SGE-FILE-CONNECTOR-INACTIVE is the disconnected indicator of the wizard).
 */
export default defineScenario({
  id: 'sage-ge/marketplace-off-before-push',
  title:
    'Error 8, connector deactivated before the push: the entry waits in the Sage cloud, synchronizing, until reactivated and opened',
  vendor: 'sage-ge',
  covers: ['SGE-STUCK-MARKETPLACE-DEACTIVATED'],
  steps: [
    { do: 'link-file' },
    marketplace(false),
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'synchronizing' },
    { expect: 'vendor-entry', entry: 'P1', state: 'queued' },
    { expect: 'vendor-file', connected: false },
  ],
  remedy: {
    steps: [marketplace(true), ...openAndSync],
    expect: [
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
