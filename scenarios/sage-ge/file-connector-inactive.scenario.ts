import { defineScenario } from '../load.js';
import { PURCHASE, sendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/file-connector-inactive',
  title: 'The file-level Marketplace box is unchecked: the connector shows disconnected and nothing can be sent',
  vendor: 'sage-ge',
  covers: ['SGE-FILE-CONNECTOR-INACTIVE'],
  given: { vendor: { actions: [{ action: 'set-marketplace', input: { active: false } }] } },
  steps: [{ do: 'link-file' }],
  expect: [
    { expect: 'step-error', catalogueId: 'SGE-FILE-CONNECTOR-INACTIVE' },
    { expect: 'vendor-file', connected: false },
  ],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-marketplace', input: { active: true } },
      { do: 'refresh-reference-data' },
      ...sendAndPost(PURCHASE),
    ],
    expect: [
      { expect: 'vendor-file', connected: true },
      { expect: 'status', entry: 'P1', is: 'posted' },
    ],
  },
  verifiedAgainstVendor: false,
});
