import { defineScenario } from '../load.js';
import { openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'hub/file-association',
  title: "The wizard lists the vendor's files; associating one with a client file links them",
  vendor: 'sage-ge',
  covers: ['HUB-FILE-ASSOCIATION'],
  steps: [{ do: 'link-file' }, { do: 'add-entry', entry: PURCHASE }, { do: 'mark-verified' }, ...openAndSync],
  expect: [
    { expect: 'vendor-file', connected: true, problem: null },
    { expect: 'reference-data', pulled: true },
    { expect: 'status', entry: 'P1', is: 'posted' },
  ],
  verifiedAgainstVendor: false,
});
