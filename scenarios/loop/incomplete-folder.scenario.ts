import { LOOP_FOLDER } from '../../vendors/loop.js';
import { defineScenario } from '../load.js';
import { folderAction, IMPORT_JSON, linkAndSend, PURCHASE, resendAndPost } from './common.js';

const chart = (chartComplete: boolean) => ({
  folder: LOOP_FOLDER,
  fiscalYearId: '2026',
  status: 'open',
  chartComplete,
});

export default defineScenario({
  id: 'loop/incomplete-folder',
  title:
    'An open fiscal year without a complete chart of accounts: the import is refused (422); completing the chart and marking verified posts',
  vendor: 'loop',
  covers: ['LOOP-INCOMPLETE-FOLDER'],
  given: { vendor: { actions: [{ action: 'set-fiscal-year', input: chart(false) }] } },
  steps: linkAndSend(PURCHASE),
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'LOOP-INCOMPLETE-FOLDER',
      params: { folder: LOOP_FOLDER, fiscalYear: '2026' },
    },
    { expect: 'requests', method: 'POST', path: IMPORT_JSON, status: 422, count: 1 },
    { expect: 'vendor-entry-count', count: 0 },
  ],
  remedy: {
    // In Cegid Loop, complete the chart of accounts of the open fiscal year.
    steps: [folderAction('set-fiscal-year', chart(true)), ...resendAndPost('P1').steps],
    expect: resendAndPost('P1').expect,
  },
  verifiedAgainstVendor: false,
});
