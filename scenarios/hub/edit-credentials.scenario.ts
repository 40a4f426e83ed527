import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/edit-credentials',
  title: 'Wrong keys are refused by the vendor; "Edit API connection" with the right ones connects',
  vendor: 'sage-ge',
  covers: ['HUB-EDIT-CREDENTIALS'],
  steps: [{ do: 'link-file', credentials: 'wrong' }],
  expect: [{ expect: 'step-error' }, { expect: 'reference-data', pulled: false }],
  remedy: {
    steps: [
      { do: 'edit-credentials' },
      { do: 'check', expect: [{ expect: 'step-error', none: true }] },
      { do: 'add-entry', entry: PURCHASE },
      { do: 'mark-verified' },
      ...openAndSync,
    ],
    expect: [
      { expect: 'reference-data', pulled: true },
      { expect: 'status', entry: 'P1', is: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
