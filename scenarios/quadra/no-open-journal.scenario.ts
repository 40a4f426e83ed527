import { defineScenario } from '../load.js';
import { sendAndPost } from './common.js';

const JOURNALS = ['AC', 'VT', 'BQ', 'OD', 'AN', 'NDF'];
const tail = sendAndPost();

/**
 * Seed 003's prerequisites, "Open journals", on a dossier whose chart is complete and period open
 * but every journal locked: the reference data is refused with Quadra's catalogued message, so the
 * wizard cannot link it. The purchase journal opened, the data is pulled and entries post.
 */
export default defineScenario({
  id: 'quadra/no-open-journal',
  title: 'A dossier with every journal locked refuses the reference data; the purchase journal opened, entries post',
  vendor: 'quadra',
  covers: ['QDR-INCOMPLETE-FILE'],
  given: {
    vendor: {
      actions: JOURNALS.map((journal) => ({ action: 'set-journal-status', input: { journal, status: 'locked' } })),
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-INCOMPLETE-FILE', params: { file: 'D1' } },
    { expect: 'reference-data', pulled: false },
    { expect: 'vendor-state', path: ['dossiers', 'D1', 'journals', 'AC', 'status'], equals: 'locked' },
  ],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-journal-status', input: { journal: 'AC', status: 'open' } },
      { do: 'refresh-reference-data' },
      ...tail.steps,
    ],
    expect: [{ expect: 'reference-data', journal: 'AC' }, ...tail.expect],
  },
  verifiedAgainstVendor: false,
});
