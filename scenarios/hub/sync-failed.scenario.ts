import { defineScenario } from '../load.js';
import { lockJournal, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/sync-failed',
  title: 'A rejected entry shows "Synchronization failed" with the accounting software\'s exact message',
  vendor: 'sage-ge',
  covers: ['HUB-SYNC-FAILED'],
  steps: [
    lockJournal,
    { do: 'link-file' },
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    ...openAndSync,
  ],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-JOURNAL-LOCKED' }],
  verifiedAgainstVendor: false,
});
