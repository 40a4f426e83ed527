import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/import-cursor-locked',
  title: 'Error 7: March is locked in the import cursor settings; unlocking it and marking verified posts it',
  vendor: 'sage-ge',
  covers: ['SGE-IMPORT-CURSOR-LOCKED'],
  given: { vendor: { actions: [{ action: 'set-import-cursor-lock', input: { periods: ['2026-03'], locked: true } }] } },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-IMPORT-CURSOR-LOCKED' }],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-import-cursor-lock', input: { periods: ['2026-03'], locked: false } },
      ...resendAndPost().steps,
    ],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
