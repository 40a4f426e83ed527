import { WITH_ANALYTICS } from '../hub/common.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync } from './common.js';

export default defineScenario({
  id: 'sage-ge/analytics-never-sent',
  title: 'An entry with analytic allocations in the hub reaches GE without them: the integration sends no analytics',
  vendor: 'sage-ge',
  covers: ['SGE-ANALYTIC-AXIS-MISSING'],
  steps: [...linkAndSend(WITH_ANALYTICS), ...openAndSync],
  expect: [
    { expect: 'status', entry: 'A1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'A1', state: 'posted', analytics: 0 },
  ],
  verifiedAgainstVendor: false,
});
