import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE, resendAndPost } from './common.js';

export default defineScenario({
  id: 'sage-ge/analytic-axis-missing',
  title: 'Error 2: GE expects analytics the hub does not send; allowing entries without analytics posts it',
  vendor: 'sage-ge',
  covers: ['SGE-ANALYTIC-AXIS-MISSING'],
  given: {
    vendor: { actions: [{ action: 'set-analytics', input: { required: true, axes: ['AX1'], missing: 'axis' } }] },
  },
  steps: [...linkAndSend(PURCHASE), ...openAndSync],
  expect: [{ expect: 'status', entry: 'P1', is: 'sync-failed', catalogueId: 'SGE-ANALYTIC-AXIS-MISSING' }],
  remedy: {
    steps: [{ do: 'vendor-action', action: 'set-analytics', input: { required: false } }, ...resendAndPost().steps],
    expect: resendAndPost().expect,
  },
  verifiedAgainstVendor: false,
});
