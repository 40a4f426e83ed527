import { defineScenario } from '../load.js';
import { fiscalYear, linkAndSend, openAndSync, resendAndPost } from './common.js';

/**
 * Seed 002, error 5's second cause: "the entry attempts to be sent to a closed fiscal year ... often
 * caused by an input error in the posting date". The hub linked the file while 2025 was open; the
 * firm closes 2025 in GE since. An invoice of 2026-03-10 keyed as 2025-03-10 goes out on the hub's
 * data and GE refuses it: error 5 naming the entry's first account. The remedy edits the posting
 * date in the hub.
 */
export default defineScenario({
  id: 'sage-ge/fy-closed',
  title: 'Error 5: an invoice dated in a fiscal year closed in GE since the link; its posting date corrected, it posts',
  vendor: 'sage-ge',
  covers: ['SGE-ACCOUNT-LOCKED'],
  steps: [
    { do: 'link-file' },
    fiscalYear('FY2025', 'closed'),
    ...linkAndSend({ id: 'P1', kind: 'purchase', date: '2025-03-10' }).slice(1),
    ...openAndSync,
  ],
  expect: [
    {
      expect: 'status',
      entry: 'P1',
      is: 'sync-failed',
      catalogueId: 'SGE-ACCOUNT-LOCKED',
      params: { account: '606400' },
    },
    { expect: 'vendor-entry', entry: 'P1', state: 'rejected', postingDate: '2025-03-10' },
    // The account itself is not locked: the closed year is the cause.
    { expect: 'vendor-state', path: ['files', 'F1', 'accounts', '606400', 'locked'], equals: false },
  ],
  remedy: {
    // "in Qonto, Edit the invoice ... then mark the invoice as verified": the posting date corrected.
    steps: [{ do: 'edit-entry', entry: { id: 'P1', kind: 'purchase', date: '2026-03-10' } }, ...resendAndPost().steps],
    expect: [
      ...resendAndPost().expect,
      { expect: 'vendor-entry', entry: 'P1', state: 'posted', postingDate: '2026-03-10' },
      { expect: 'vendor-entry-count', state: 'rejected', count: 1 },
    ],
  },
  verifiedAgainstVendor: false,
});
