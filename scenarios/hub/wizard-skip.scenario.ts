import { SAGE_GE_SECOND_FILE } from '../../vendors/sage-ge.js';
import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/wizard-skip',
  title:
    "Skipping the association with Confirm creates a client file from each of the vendor's files, inactive until its Status column activates the integration",
  vendor: 'sage-ge',
  covers: ['HUB-FILE-ASSOCIATION'],
  given: { vendor: { preset: 'two-files' } },
  steps: [
    { do: 'wizard' },
    {
      do: 'check',
      expect: [
        { expect: 'client-files', count: 2 },
        { expect: 'client-files', file: { vendorFile: 'F1', active: false, pulled: false } },
        {
          expect: 'client-files',
          file: { vendorFile: SAGE_GE_SECOND_FILE, name: 'Boulangerie Martin', active: false, pulled: false },
        },
      ],
    },
    // Validated while the file is inactive: nothing goes to GE.
    { do: 'add-entry', entry: PURCHASE },
    { do: 'mark-verified' },
    { do: 'synchronize' },
    { do: 'advance-clock', to: 'next-night' },
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'pending' },
    { expect: 'requests', method: 'POST', path: '/entries', count: 0 },
    { expect: 'reference-data', pulled: false },
  ],
  remedy: {
    // The next screen's Status column, on this file only.
    steps: [{ do: 'set-file-status', active: true }, ...openAndSync],
    expect: [
      { expect: 'client-files', file: { vendorFile: 'F1', active: true, pulled: true } },
      { expect: 'client-files', file: { vendorFile: SAGE_GE_SECOND_FILE, active: false, pulled: false } },
      { expect: 'reference-data', journal: 'AC' },
      { expect: 'status', entry: 'P1', is: 'posted' },
      { expect: 'vendor-entry', entry: 'P1', state: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
