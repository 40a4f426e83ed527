import { defineScenario } from '../load.js';
import { sendAndPost } from './common.js';

const tail = sendAndPost();

export default defineScenario({
  id: 'quadra/period-not-open',
  title:
    'A dossier with no open accounting period refuses the reference data (422); once the period is opened the data is pulled and entries post',
  vendor: 'quadra',
  covers: ['QDR-PERIOD-NOT-OPEN'],
  given: { vendor: { actions: [{ action: 'close-period', input: { periodId: 'EX2026' } }] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-PERIOD-NOT-OPEN' },
    { expect: 'reference-data', pulled: false },
    { expect: 'requests', path: '/QuadraODOpenApi/GetComptes', status: 422, count: 1 },
  ],
  remedy: {
    // Period Management: the previous period (EX2025) is closed; open the current one, then refresh the accounting data.
    steps: [
      { do: 'vendor-action', action: 'open-period', input: { id: 'EX2026', start: '2026-01-01', end: '2026-12-31' } },
      { do: 'refresh-reference-data' },
      ...tail.steps,
    ],
    expect: [{ expect: 'reference-data', openFiscalYears: 1 }, ...tail.expect],
  },
  verifiedAgainstVendor: false,
});
