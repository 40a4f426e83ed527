import { defineScenario } from '../load.js';
import { fiscalYear, PURCHASE, resync, sendAndPost } from './common.js';

const marketplace = (active: boolean) => ({
  do: 'vendor-action' as const,
  action: 'set-marketplace',
  input: { active },
});

/**
 * Seeds 000 and 002: the open years must be "consecutive", "without interruption between them".
 * 2024 and 2026 are open, 2025 closed between them: two open years, but not consecutive, so the
 * red triangle shows. The remedy is the seed's whole procedure: step a, adjust the open years
 * (2024 closed, 2025 reopened); step b, deactivate then reactivate the Qonto Marketplace, then
 * "Resynchronize fiscal years". Reactivating alone does not clear it: the Marketplace still holds
 * the years it last synchronized until the resynchronization.
 */
export default defineScenario({
  id: 'sage-ge/fy-open-gap',
  title:
    'Red triangle: 2024 and 2026 open with 2025 closed between them; adjusted, deactivated, reactivated, resynchronized',
  vendor: 'sage-ge',
  covers: ['SGE-FY-OPEN-RULES'],
  given: {
    vendor: {
      actions: [
        {
          action: 'set-fiscal-year',
          input: { fiscalYearId: 'FY2024', start: '2024-01-01', end: '2024-12-31', status: 'open' },
        },
        { action: 'set-fiscal-year', input: { fiscalYearId: 'FY2025', status: 'closed' } },
        { action: 'resync-fiscal-years' },
      ],
    },
  },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FY-OPEN-RULES', params: { years: '2024, 2026' } },
    { expect: 'vendor-file', problem: 'SGE-FY-OPEN-RULES' },
    { expect: 'reference-data', pulled: false },
  ],
  remedy: {
    steps: [
      // Step a: Year Menu > Fiscal Year Period, two consecutive years, one covering today.
      fiscalYear('FY2024', 'closed'),
      fiscalYear('FY2025', 'open'),
      // Step b: Deactivate, confirm...
      marketplace(false),
      { do: 'check', expect: [{ expect: 'vendor-file', connected: false, problem: 'SGE-FY-OPEN-RULES' }] },
      // ...activate again: connected, but the Marketplace still shows the years of its last synchronization.
      marketplace(true),
      { do: 'check', expect: [{ expect: 'vendor-file', connected: true, problem: 'SGE-FY-OPEN-RULES' }] },
      resync,
      { do: 'refresh-reference-data' },
      ...sendAndPost(PURCHASE),
    ],
    expect: [
      { expect: 'vendor-file', connected: true, problem: null },
      { expect: 'reference-data', openFiscalYears: 2 },
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
