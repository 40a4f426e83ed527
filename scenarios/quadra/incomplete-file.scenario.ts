import { defineScenario } from '../load.js';
import { sendAndPost } from './common.js';

const tail = sendAndPost();

export default defineScenario({
  id: 'quadra/incomplete-file',
  title:
    'A dossier whose chart of accounts is incomplete refuses the reference data (422); once completed the data is pulled and entries post',
  vendor: 'quadra',
  covers: ['QDR-INCOMPLETE-FILE'],
  // No class 3 account: the chart is not complete (the simulator's definition, see its README).
  given: { vendor: { actions: [{ action: 'delete-account', input: { number: '37000000' } }] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'QDR-INCOMPLETE-FILE' },
    { expect: 'reference-data', pulled: false },
    { expect: 'requests', path: '/QuadraODOpenApi/GetComptes', status: 422, count: 1 },
  ],
  remedy: {
    steps: [
      {
        do: 'vendor-action',
        action: 'upsert-account',
        input: { number: '37000000', label: 'Stocks de marchandises', type: 'G' },
      },
      { do: 'refresh-reference-data' },
      ...tail.steps,
    ],
    expect: [
      { expect: 'reference-data', account: { number: '37000000', label: 'Stocks de marchandises' } },
      ...tail.expect,
    ],
  },
  verifiedAgainstVendor: false,
});
