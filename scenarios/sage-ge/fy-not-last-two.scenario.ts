import { defineScenario } from '../load.js';
import { fiscalYear, linkAndSend, openAndSync, resendAndPost } from './common.js';

/**
 * December 2025: 2024 and 2025 are open (the Marketplace shows them), and the firm opens 2026 in
 * GE ahead of the new year. Three years are now open in GE: an entry of 2024 is refused.
 */
export default defineScenario({
  id: 'sage-ge/fy-not-last-two',
  title: 'Error 6: an entry of the oldest of three open fiscal years; its posting date corrected, it posts',
  vendor: 'sage-ge',
  covers: ['SGE-FY-NOT-LAST-TWO'],
  start: '2025-12-15T09:00:00.000Z',
  steps: [
    fiscalYear('FY2026', 'open', { start: '2026-01-01', end: '2026-12-31' }),
    ...linkAndSend({ id: 'P1', kind: 'purchase', date: '2024-06-10' }),
    ...openAndSync,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-FY-NOT-LAST-TWO', params: { years: '2024' } },
  ],
  remedy: {
    // "Modify the invoice posting date in Qonto."
    steps: [{ do: 'edit-entry', entry: { id: 'P1', kind: 'purchase', date: '2025-12-10' } }, ...resendAndPost().steps],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
