import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/other-error',
  title: 'Error 9: "String or binary data would be truncated"; reported to support, the resend posts it',
  vendor: 'sage-ge',
  covers: ['SGE-OTHER-ERROR'],
  given: { vendor: { actions: [{ action: 'inject-other-error', input: { variant: 1, count: 1 } }] } },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-OTHER-ERROR', variant: 1 }],
  remedy: resendAndPost(),
  verifiedAgainstVendor: false,
});
