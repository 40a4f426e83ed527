import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/analytic-allocation',
  title: 'Error 3: GE requires a full analytic allocation on each line; allowing entries without analytics posts it',
  vendor: 'sage-ge',
  covers: ['SGE-ANALYTIC-ALLOCATION'],
  given: {
    vendor: { actions: [{ action: 'set-analytics', input: { required: true, axes: ['AX1'], missing: 'allocation' } }] },
  },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-ANALYTIC-ALLOCATION' }],
  remedy: {
    steps: [{ do: 'vendor-action', action: 'set-analytics', input: { required: false } }, ...resendAndPost().steps],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
