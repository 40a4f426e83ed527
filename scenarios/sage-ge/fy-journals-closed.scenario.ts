import { defineScenario } from '../load.js';
import { PURCHASE, resync, sendAndPost } from './common.js';

const journalsOf2025 = (locked: boolean) => ({
  action: 'set-fiscal-year-journals',
  input: { fiscalYearId: 'FY2025', locked },
});

/**
 * Seed 000: "Each open fiscal year in Sage GE must include: ... Open journals". 2025 and 2026 are
 * open; 2026's journals are open, but every journal of 2025 was closed. The red triangle names
 * 2025. The journals of 2025 opened again and the fiscal years resynchronized, entries flow.
 */
export default defineScenario({
  id: 'sage-ge/fy-journals-closed',
  title:
    'An open fiscal year (2025) whose journals are all closed: red triangle naming 2025; its journals opened, entries flow',
  vendor: 'sage-ge',
  covers: ['SGE-FY-INCOMPLETE'],
  given: { vendor: { actions: [journalsOf2025(true), { action: 'resync-fiscal-years' }] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-INCOMPLETE', params: { year: '2025' } },
    { expect: 'vendor-file', problem: 'SGE-FY-INCOMPLETE' },
    // The journals themselves are open: it is 2025 that has none.
    { expect: 'vendor-state', path: ['files', 'F1', 'journals', 'AC', 'locked'], equals: false },
  ],
  remedy: {
    steps: [
      { do: 'vendor-action', ...journalsOf2025(false) },
      resync,
      { do: 'refresh-reference-data' },
      ...sendAndPost(PURCHASE, { id: 'P2025', kind: 'purchase', date: '2025-12-18' }),
    ],
    expect: [
      { expect: 'vendor-file', problem: null },
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P2025', state: 'posted', postingDate: '2025-12-18' },
    ],
  },
  verifiedAgainstVendor: false,
});
