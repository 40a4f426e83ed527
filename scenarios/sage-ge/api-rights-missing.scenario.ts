import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/api-rights-missing',
  title: 'No Sage API rights: the connection is refused until the right is signed with Sage',
  vendor: 'sage-ge',
  covers: ['SGE-API-RIGHTS-MISSING'],
  given: { vendor: { actions: [{ action: 'set-api-rights', input: { granted: false } }] } },
  steps: [{ do: 'link-file' }],
  expect: [{ expect: 'step-error', catalogueId: 'SGE-API-RIGHTS-MISSING' }],
  remedy: {
    steps: [
      { do: 'vendor-action', action: 'set-api-rights', input: { granted: true } },
      ...linkAndSend(PURCHASE),
      ...openAndSync,
    ],
    expect: [{ expect: 'status', entry: 'P1', is: 'posted' }],
  },
  verifiedAgainstVendor: false,
});
